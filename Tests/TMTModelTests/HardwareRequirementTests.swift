import HPCBasics
import TMTModel
import Testing
import YAML

@Suite("hardware requirements")
struct HardwareRequirementTests {
  private func parse(_ spec: Y) throws -> HardwareRequirement { try HardwareRequirement.parse(spec.yaml) }

  private func error(_ spec: Y) -> String? { Trees.error { _ = try HardwareRequirement.parse(spec.yaml) } }

  @Test func singleKeyIsFlattenedWithDefaultOperator() throws {
    let requirement = try parse(["memory": "8 GB"])
    #expect(requirement.leaves.map(\.description) == ["memory: == 8 GB"])
    #expect(requirement.leaves.first?.value == .size(bytes: 8e9))
  }

  @Test(arguments: [
    ("8 GiB", 8.0 * 1_073_741_824), ("8192", 8192.0 * 1_048_576), ("1 TB", 1e12), ("512 MB", 5.12e8),
  ])
  func sizeUnits(_ raw: String, _ bytes: Double) throws {
    #expect(try parse(["memory": Y.node(YAMLNode(.string(raw)))]).leaves.first?.value == .size(bytes: bytes))
  }

  @Test func keysSortedAndNestedWithOperators() throws {
    let requirement = try parse(["gpu": ["vendor-name": "NVIDIA", "device-name": "~ H100", "vendor": "0x10de"]])
    #expect(
      requirement.leaves.map(\.description) == [
        "gpu.device-name: ~ H100", "gpu.vendor: == 4318", "gpu.vendor-name: == NVIDIA",
      ])
  }

  @Test func indexedListsAndCpuFlags() throws {
    let requirement = try parse([
      "disk": [["size": ">= 40 GiB"], ["model-name": "~ WD.*"]], "cpu": ["flag": ["avx2", "!= ht"]],
    ])
    #expect(
      requirement.leaves.map(\.description) == [
        "cpu.flag: contains avx2", "cpu.flag: not contains ht", "disk[0].size: >= 40 GiB", "disk[1].model-name: ~ WD.*",
      ])
  }

  @Test func andOrBlocksIgnoreSiblingKeys() throws {
    let requirement = try parse([
      "memory": "4 GB", "or": [["gpu": ["vendor-name": "NVIDIA"]], ["gpu": ["vendor-name": "AMD"]]],
    ])
    #expect(
      requirement.variants.map { $0.map(\.description) } == [
        ["gpu.vendor-name: == NVIDIA"], ["gpu.vendor-name: == AMD"],
      ])
    #expect(json(requirement.spec) == #"{"or": [{"gpu.vendor-name": "== NVIDIA"}, {"gpu.vendor-name": "== AMD"}]}"#)
  }

  @Test func andVariantsPutCompoundsFirst() throws {
    let requirement = try parse(["arch": "x86_64", "cpu": ["flag": ["avx2", "avx512f"]]])
    #expect(
      requirement.variants.first?.map(\.description) == [
        "cpu.flag: contains avx2", "cpu.flag: contains avx512f", "arch: == x86_64",
      ])
  }

  @Test func errors() {
    #expect(error(["disk": [["block-device": "x"]]]) == "Unknown hardware requirement 'disk.block-device'.")
    #expect(error(["cpu": ["cores": "~ 8"]])?.hasPrefix("Operator '~' is not allowed") == true)
    #expect(error(["memory": "8 GHz"])?.contains("expected a data size unit") == true)
  }

  @Test func hpctestExtensions() throws {
    let requirement = try parse(["hpctest": ["gpu": ["count": ">= 8"], "infiniband": ["rate": ">= 200"]]])
    #expect(
      requirement.leaves.map(\.description) == ["hpctest.gpu.count: >= 8", "hpctest.infiniband.rate: >= 200 Gb/s"])
  }
}
