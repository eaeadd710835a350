/// What a Slurm sweep asks the scheduler for: the keys of hpctest's `provision: how: slurm` (and the same-named
/// `provision -h slurm` options), each nil or empty when not given.
package struct SlurmAllocation: Sendable, Hashable {
  /// `--partition`.
  package var partition: String?
  /// `--nodes` (a count or a range such as `2-8`).
  package var nodes: String?
  /// `--nodelist` (`n[1-3],gpu07`).
  package var nodelist: String?
  /// `--exclude`.
  package var exclude: String?
  /// `--constraint` (node features).
  package var constraint: String?
  /// `--gres` (`gpu:4`).
  package var gres: String?
  /// `--account`.
  package var account: String?
  /// `--qos`.
  package var qos: String?
  /// `--time` (Slurm's format: `30`, `1:00:00`, `1-0`).
  package var time: String?
  /// `--reservation`.
  package var reservation: String?
  /// `--job-name`.
  package var jobName = "hpctest"

  /// Creates an empty request (the cluster's defaults: one node of the default partition).
  package init() {}

  /// The keys in the order they are documented, with their values.
  package var fields: [(key: String, value: String?)] {
    [
      ("partition", partition), ("nodes", nodes), ("nodelist", nodelist), ("exclude", exclude),
      ("constraint", constraint), ("gres", gres), ("account", account), ("qos", qos), ("time", time),
      ("reservation", reservation),
    ]
  }

  /// The key names accepted in a plan and as `provision -h slurm --KEY VALUE`.
  package static let keys = [
    "partition", "nodes", "nodelist", "exclude", "constraint", "gres", "account", "qos", "time", "reservation",
  ]

  /// Sets one key; false when `key` is not one of `keys`.
  package mutating func set(_ key: String, _ value: String) -> Bool {
    switch key {
    case "partition": partition = value
    case "nodes": nodes = value
    case "nodelist": nodelist = value
    case "exclude": exclude = value
    case "constraint": constraint = value
    case "gres": gres = value
    case "account": account = value
    case "qos": qos = value
    case "time": time = value
    case "reservation": reservation = value
    default: return false
    }
    return true
  }

  /// `salloc`'s options for the request (pure): `--job-name`, `--no-kill` (a node that dies leaves the others
  /// running), then one `--KEY=VALUE` per given key.
  package var sallocOptions: [String] {
    ["--job-name=\(jobName)", "--no-kill"] + fields.compactMap { field in field.value.map { "--\(field.key)=\($0)" } }
  }
}
