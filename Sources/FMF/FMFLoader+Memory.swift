public import HPCBasics
import YAML

extension FMFLoader {
  /// Loads one metadata file given in memory as the `main.fmf` of a tree root, touching no file: the same
  /// size limit, `/child` keys, the `/` directive, inheritance and `adjust` under `context` as a tree on disk.
  /// `file` names the input in locations and node sources; the root is `/`, format version 1. A string `/child`
  /// value (a directory to grow) is a located error, since there is no directory to grow.
  public static func load(
    bytes: [UInt8], file: String, context: FMFContext?, caseSensitive: Bool = false
  ) throws(Diagnostic) -> FMFTree {
    let data = try FMFYAMLFile.parse(bytes, display: file)
    let top = FMFRawNode(name: "/")
    let grower = FMFGrower(root: "/", workingDirectory: "/", config: FMFConfig(), readsDirectories: false)
    top.ownSources.append(file)
    try grower.update(top, data)
    top.pruneEmptyChildren()
    return try resolve(top, root: "/", version: 1, context: context, caseSensitive: caseSensitive)
  }
}
