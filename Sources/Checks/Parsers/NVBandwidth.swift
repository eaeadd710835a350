/// `nvbandwidth` text output: one matrix of GB/s per testcase.
package struct NVBandwidth: Sendable, Hashable {
  /// A testcase's matrix: row label → column label → GB/s.
  package struct Matrix: Sendable, Hashable {
    /// `host_to_device_memcpy_ce`.
    package var testcase: String
    /// Column labels (GPU indices).
    package var columns: [String]
    /// Rows: label and values (nil for `N/A`).
    package var rows: [Row]
  }

  /// One matrix row.
  package struct Row: Sendable, Hashable {
    /// The row label.
    package var label: String
    /// The values, in column order.
    package var values: [Double?]
  }

  /// The matrices in output order.
  package var matrices: [Matrix]

  /// Parses `Running <testcase>.` blocks followed by a title line and a matrix.
  package init(parsing text: String) {
    var matrices: [Matrix] = []
    let lines = text.lines
    var index = 0
    while index < lines.count {
      let line = lines[index].trimmed
      index += 1
      guard line.hasPrefix("Running "), line.hasSuffix(".") else { continue }
      let name = String(line.dropFirst(8).dropLast())
      while index < lines.count, !lines[index].hasPrefix(" ") || lines[index].trimmed.isEmpty { index += 1 }
      guard index < lines.count else { break }
      let columns = lines[index].words
      index += 1
      var rows: [Row] = []
      while index < lines.count, let first = lines[index].words.first, Int(first) != nil {
        rows.append(Row(label: first, values: lines[index].words.dropFirst().map { Double($0) }))
        index += 1
      }
      matrices.append(Matrix(testcase: name, columns: columns, rows: rows))
    }
    self.matrices = matrices
  }

  /// The matrix of `testcase`.
  package func matrix(_ testcase: String) -> Matrix? { matrices.first { $0.testcase == testcase } }

  /// The first row's value per column (host→device testcases have one row, the CPU): GPU label → GB/s.
  package static func perGPU(_ matrix: Matrix) -> [(String, Double)] {
    guard let row = matrix.rows.first else { return [] }
    return zip(matrix.columns, row.values).compactMap { label, value in value.map { (label, $0) } }
  }
}
