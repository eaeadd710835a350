#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

extension Parallel {
  /// Work that grows as it is done (a directory walk: reading one directory names more to read) on up to one
  /// thread per CPU, the caller's included. `body` does one job with its thread's own `State` and hands new jobs
  /// to `add`; any thread takes them as it becomes free, so one big branch does not hold up the end (a split made
  /// before the work starts cannot know which branch is big). Returns every thread's state once no job is left and
  /// none is running. The order jobs are done in is unspecified: each job's result must not depend on it.
  package static func expand<Job, State>(
    _ initial: [Job], state makeState: () -> State, _ body: (Job, inout State, _ add: (Job) -> Void) -> Void
  ) -> [State] {
    let workers = processors
    var states = (0..<workers).map { _ in makeState() }
    withoutActuallyEscaping(body) { body in
      let queue = JobQueue(initial)
      states.withUnsafeMutableBufferPointer { slots in
        let base = slots.baseAddress!
        let runner = Runner { worker in queue.drain { body($0, &base[worker], queue.add) } }
        let threads = (1..<workers).compactMap { runner.start(worker: $0) }
        runner.body(0)
        for thread in threads { pthread_join(thread, nil) }
      }
    }
    return states
  }
}

/// The shared jobs of one `expand` call and how many are being done; each thread waits for a job while any other
/// is still running (it may add more) and leaves when none is left and none is running.
private final class JobQueue<Job>: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private var jobs: [Job]
  private var running = 0
  private var waiting = 0

  init(_ initial: [Job]) {
    jobs = initial.reversed()
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  /// Does jobs with `handle` until none is left and no other thread is running one.
  func drain(_ handle: (Job) -> Void) {
    pthread_mutex_lock(mutex)
    while true {
      if let job = jobs.popLast() {
        running += 1
        pthread_mutex_unlock(mutex)
        handle(job)
        pthread_mutex_lock(mutex)
        running -= 1
        if running == 0, jobs.isEmpty, waiting > 0 { pthread_cond_broadcast(condition) }
      } else if running == 0 {
        pthread_mutex_unlock(mutex)
        return
      } else {
        waiting += 1
        pthread_cond_wait(condition, mutex)
        waiting -= 1
      }
    }
  }

  /// A new job, for whichever thread is free.
  func add(_ job: Job) {
    pthread_mutex_lock(mutex)
    jobs.append(job)
    if waiting > 0 { pthread_cond_signal(condition) }
    pthread_mutex_unlock(mutex)
  }
}

/// A body run on new joinable threads, each given its worker number.
private final class Runner: @unchecked Sendable {
  let body: (Int) -> Void

  init(_ body: @escaping (Int) -> Void) { self.body = body }

  /// A thread running `body(worker)`; nil when none can be started (the others then do its share).
  func start(worker: Int) -> pthread_t? {
    let context = Unmanaged.passRetained(Started(self, worker)).toOpaque()
    let thread = POSIXThread.start(context, detached: false) { context in
      let started = Unmanaged<Started>.fromOpaque(context!).takeRetainedValue()
      started.runner.body(started.worker)
      return nil
    }
    if thread == nil { Unmanaged<Started>.fromOpaque(context).release() }
    return thread
  }

  private final class Started {
    let runner: Runner
    let worker: Int
    init(_ runner: Runner, _ worker: Int) {
      self.runner = runner
      self.worker = worker
    }
  }
}
