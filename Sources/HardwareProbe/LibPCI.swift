internal import CPCIShim

/// The only Swift file that touches libpci (through the CPCIShim guard functions): opens a linux-sysfs access on
/// `<root>/sys/bus/pci`, scans it, reads config space, and looks up names in pci.ids. Errors come back as values.
final class LibPCI {
  /// One function as libpci scanned it.
  struct Scanned {
    /// Its address.
    var address: PCIAddress
    /// Config space bytes (64, 256 or 4096; empty when unreadable).
    var config: [UInt8]
  }

  private let access: UnsafeMutablePointer<pci_access>
  private var nameBuffer = [CChar](repeating: 0, count: 256)

  /// Opens libpci on `sysfsPath` (`<root>/sys/bus/pci`), with `idsPath` as pci.ids when given.
  init(sysfsPath: String, idsPath: String?) throws(ProbeError) {
    var error = [CChar](repeating: 0, count: 512)
    let opened: UnsafeMutablePointer<pci_access>? = idsPath.withOptionalCString { ids in
      hpct_pci_open(sysfsPath, ids, &error, error.count)
    }
    guard let opened else { throw ProbeError.libpci(LibPCI.string(error)) }
    access = opened
  }

  deinit { hpct_pci_close(access) }

  /// Scans the bus and reads every function's config space; a libpci error becomes `ProbeError.libpci`.
  func scan() throws(ProbeError) -> [Scanned] {
    var error = [CChar](repeating: 0, count: 512)
    guard hpct_pci_scan(access, &error, error.count) == 0 else { throw .libpci(LibPCI.string(error)) }
    var result: [Scanned] = []
    var device = hpct_pci_first(access)
    var buffer = [UInt8](repeating: 0, count: 4096)
    while let current = device {
      let pointee = current.pointee
      let domain = pointee.domain_16 == 0xffff ? UInt32(bitPattern: pointee.domain) : UInt32(pointee.domain_16)
      let address = PCIAddress(domain: domain, bus: pointee.bus, device: pointee.dev, function: pointee.func)
      let count = Int(hpct_pci_read_config(current, &buffer, Int32(buffer.count), &error, error.count))
      result.append(Scanned(address: address, config: count > 0 ? Array(buffer[0..<count]) : []))
      device = pointee.next
    }
    return result
  }

  /// Warnings libpci emitted since the last call (e.g. `Cannot open .../config`), one per line.
  func takeWarnings() -> [String] {
    var buffer = [CChar](repeating: 0, count: 4096)
    _ = hpct_pci_take_warnings(&buffer, buffer.count)
    return LibPCI.string(buffer).split(separator: "\n").map(String.init)
  }

  /// The pci.ids device name, or nil.
  func deviceName(vendor: UInt16, device: UInt16) -> String? {
    let size = Int32(nameBuffer.count)
    return nameBuffer.withUnsafeMutableBufferPointer { buffer in
      hpct_pci_device_name(access, buffer.baseAddress, size, UInt32(vendor), UInt32(device)).map {
        String(cString: $0)
      }
    }
  }

  /// The pci.ids vendor name, or nil.
  func vendorName(_ vendor: UInt16) -> String? {
    let size = Int32(nameBuffer.count)
    return nameBuffer.withUnsafeMutableBufferPointer { buffer in
      hpct_pci_vendor_name(access, buffer.baseAddress, size, UInt32(vendor)).map { String(cString: $0) }
    }
  }

  /// The pci.ids class name of a 16-bit class code, or nil.
  func className(_ classCode: UInt16) -> String? {
    let size = Int32(nameBuffer.count)
    return nameBuffer.withUnsafeMutableBufferPointer { buffer in
      hpct_pci_class_name(access, buffer.baseAddress, size, UInt32(classCode)).map { String(cString: $0) }
    }
  }

  private static func string(_ buffer: [CChar]) -> String {
    buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
  }
}

extension Optional where Wrapped == String {
  /// Calls `body` with a C string, or with nil.
  fileprivate func withOptionalCString<R>(_ body: (UnsafePointer<CChar>?) -> R) -> R {
    switch self {
    case .some(let text): text.withCString { body($0) }
    case .none: body(nil)
    }
  }
}
