/// What libpci's one scan of the bus gave: config space by address, the warnings it printed, and the open access
/// (kept for pci.ids name look-ups). Made on one thread and handed to the one thread that names the functions;
/// the access is never used by two threads at once.
struct PCIScan: @unchecked Sendable {
  /// The open libpci access; nil when libpci could not be opened or failed to scan.
  let libpci: LibPCI?
  /// Config space bytes by address (functions whose config could not be read are absent).
  let configs: [PCIAddress: [UInt8]]
  /// `libpci` warnings, to come first among the PCI warnings.
  let warnings: [ProbeWarning]
}
