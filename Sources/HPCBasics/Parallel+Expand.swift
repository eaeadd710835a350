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
    var states = (0..<processors).map { _ in makeState() }
    withoutActuallyEscaping(body) { body in
      states.withUnsafeMutableBufferPointer { slots in
        let expansion = Expansion(JobQueue(initial), slots.baseAddress!, body)
        // one item per thread: a thread that finds no job left ends its item, and one more finds none either
        _ = map(Array(slots.indices)) { worker in expansion.run(worker) }
      }
    }
    return states
  }
}

/// One `expand` call: its jobs, each worker's state slot (written only by the thread running that worker) and the
/// body.
private final class Expansion<Job, State>: @unchecked Sendable {
  let queue: JobQueue<Job>
  let slots: UnsafeMutablePointer<State>
  let body: (Job, inout State, _ add: (Job) -> Void) -> Void

  init(
    _ queue: JobQueue<Job>, _ slots: UnsafeMutablePointer<State>,
    _ body: @escaping (Job, inout State, (Job) -> Void) -> Void
  ) {
    self.queue = queue
    self.slots = slots
    self.body = body
  }

  /// Does jobs as `worker` until none is left.
  func run(_ worker: Int) { queue.drain { body($0, &slots[worker], queue.add) } }
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
