/// Judges a PCIe link against the expected generation and width.
package enum PCILinkJudge {
  /// What the link should be.
  package struct Expected: Sendable, Hashable {
    /// The expected generation (nil: the device's maximum).
    package var generation: Int?
    /// The expected width (nil: the device's maximum).
    package var width: Int?
    /// True when a slower current speed is allowed as long as the maximum is right (NVIDIA GPUs downshift when
    /// idle to save power).
    package var idleDownshift: Bool

    /// Creates an expectation.
    package init(generation: Int? = nil, width: Int? = nil, idleDownshift: Bool = false) {
      self.generation = generation
      self.width = width
      self.idleDownshift = idleDownshift
    }
  }

  /// One sub-result for `link`, named `device` (default: the link's device); `label` names it in the message
  /// (`0000:3b:00.0`, or with its upstream port).
  package static func judge(_ link: LinkFacts, expected: Expected, device: String? = nil, label: String? = nil)
    -> CheckItem
  {
    let name = label ?? link.address
    let item = device ?? link.address
    guard let speed = link.currentSpeed, let width = link.currentWidth else {
      return CheckItem(item, .skip, "\(name): no PCIe link attributes (virtual or non-PCIe device)")
    }
    let wantSpeed = expected.generation.map { LinkFacts.speed(generation: $0) } ?? link.maxSpeed ?? speed
    let wantWidth = expected.width ?? link.maxWidth ?? width
    let actual = LinkFacts.describe(speed: speed, width: width)
    let wanted = LinkFacts.describe(speed: wantSpeed, width: wantWidth)
    if let maxSpeed = link.maxSpeed, let maxWidth = link.maxWidth, maxSpeed < wantSpeed || maxWidth < wantWidth {
      let most = LinkFacts.describe(speed: maxSpeed, width: maxWidth)
      return CheckItem(item, .fail, "\(name): PCIe link capable of \(most) only, expected \(wanted)")
    }
    if width < wantWidth {
      return CheckItem(item, .fail, "\(name): PCIe link \(actual), expected \(wanted)")
    }
    if speed < wantSpeed {
      guard expected.idleDownshift else {
        return CheckItem(item, .fail, "\(name): PCIe link \(actual), expected \(wanted)")
      }
      let message = "\(name): PCIe link \(actual), expected \(wanted): idle downshift (maximum \(wanted) is right)"
      return CheckItem(item, .pass, message)
    }
    return CheckItem(item, .pass, "\(name): PCIe link \(actual), expected \(wanted)")
  }
}
