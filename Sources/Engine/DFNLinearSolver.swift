import DAESolver
import Electrochem

/// The Newton systems of the DFN model solved by block elimination of the particles.
///
/// Each particle's shells form a tridiagonal block that touches the rest of the system only
/// through its interfacial current j: the outer shell's row has a j column, and j's row has
/// the two outer shells. Eliminating the shells (without pivoting: cj + diffusion on the
/// diagonal makes the block diagonally dominant) leaves one j-diagonal correction per volume and
/// a banded system in the electrolyte, potential, current and charge unknowns, about a third
/// of the size, which a banded LU with threshold partial pivoting solves (`BandWorkspace`).
final class DFNLinearSolver: DAELinearSolver {
  private let shells: Int
  private let particles: Int
  /// Per particle: the index of its j, of its innermost shell, and of j in the banded system.
  private let current: UnsafeMutablePointer<Int>
  private let firstShell: UnsafeMutablePointer<Int>
  private let currentReduced: UnsafeMutablePointer<Int>
  /// Pattern positions of each particle's tridiagonal block (flattened, `shells` per
  /// particle; −1 where a sub- or super-diagonal does not exist) and of its couplings.
  private let diagonalAt: UnsafeMutablePointer<Int>
  private let belowAt: UnsafeMutablePointer<Int>
  private let aboveAt: UnsafeMutablePointer<Int>
  private let outerCurrentAt: UnsafeMutablePointer<Int>
  private let currentOuterAt: UnsafeMutablePointer<Int>
  private let currentInnerAt: UnsafeMutablePointer<Int>
  /// The unknowns kept in the banded system; the pattern entries it is filled from, and where
  /// each lands in the band's storage (found once).
  private let reducedCount: Int
  private let reduced: UnsafeMutablePointer<Int>
  private let reducedEntryCount: Int
  private let reducedSource: UnsafeMutablePointer<Int>
  private let reducedTarget: UnsafeMutablePointer<Int>
  private let band: BandWorkspace
  private var factored = false
  // Factorised blocks: Thomas denominators (inverted) and upper factors, the sub-diagonal,
  // the shells' response to a unit j (T⁻¹ c), and j's row entries; raw memory, so that the
  // loops carry no copy-on-write or exclusivity checks.
  private let inverseDenominator: UnsafeMutablePointer<Double>
  private let upperFactor: UnsafeMutablePointer<Double>
  private let below: UnsafeMutablePointer<Double>
  private let response: UnsafeMutablePointer<Double>
  private let rowOuter: UnsafeMutablePointer<Double>
  private let rowInner: UnsafeMutablePointer<Double>
  private let reducedRight: UnsafeMutablePointer<Double>

  private static func buffer<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
    let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
    pointer.initialize(from: values, count: values.count)
    return pointer
  }

  deinit {
    for pointer in [
      current, firstShell, currentReduced, reduced, diagonalAt, belowAt, aboveAt, outerCurrentAt,
      currentOuterAt, currentInnerAt, reducedSource, reducedTarget,
    ] {
      pointer.deallocate()
    }
    for pointer in [
      inverseDenominator, upperFactor, below, response, rowOuter, rowInner, reducedRight,
    ] {
      pointer.deallocate()
    }
  }

  /// A solver for `pattern` on `layout`; nil when the pattern couples a particle to anything
  /// but its own j, or a particle has fewer than two shells.
  init?(layout: DFNLayout, pattern: SparsityPattern) {
    let shells = layout.mesh.particle
    guard shells >= 2 else { return nil }
    self.shells = shells
    var particleOf = [Int](repeating: -1, count: layout.size)
    var current: [Int] = []
    var firstShell: [Int] = []
    for k in 0..<layout.volumeCount where layout.regions[k] != .separator {
      let particle = current.count
      current.append(layout.interfacialCurrent(k))
      firstShell.append(layout.stoichiometry(k, shell: 0))
      for shell in 0..<shells { particleOf[layout.stoichiometry(k, shell: shell)] = particle }
    }
    let reduced = (0..<layout.size).filter { particleOf[$0] < 0 }
    var reducedIndex = [Int](repeating: -1, count: layout.size)
    for (index, unknown) in reduced.enumerated() { reducedIndex[unknown] = index }

    let count = current.count
    var diagonalAt = [Int](repeating: -1, count: count * shells)
    var belowAt = diagonalAt
    var aboveAt = diagonalAt
    var outerCurrentAt = [Int](repeating: -1, count: count)
    var currentOuterAt = outerCurrentAt
    var currentInnerAt = outerCurrentAt
    var reducedEntries: [(position: Int, row: Int, column: Int)] = []
    var lower = 0
    var upper = 0
    var particleOfCurrent = [Int](repeating: -1, count: layout.size)
    for (particle, j) in current.enumerated() { particleOfCurrent[j] = particle }
    for column in 0..<layout.size {
      for position in pattern.columnStarts[column]..<pattern.columnStarts[column + 1] {
        let row = pattern.rowIndices[position]
        let rowParticle = particleOf[row]
        let columnParticle = particleOf[column]
        switch (rowParticle >= 0, columnParticle >= 0) {
        case (false, false):
          let r = reducedIndex[row]
          let c = reducedIndex[column]
          reducedEntries.append((position, r, c))
          lower = max(lower, r - c)
          upper = max(upper, c - r)
        case (true, true):
          guard rowParticle == columnParticle else { return nil }
          let i = row - firstShell[rowParticle]
          let m = column - firstShell[rowParticle]
          let slot = rowParticle * shells + i
          switch m - i {
          case 0: diagonalAt[slot] = position
          case -1: belowAt[slot] = position
          case 1: aboveAt[slot] = position
          default: return nil
          }
        case (true, false):
          // Only the outer shell's row may hold a column outside the particle: its own j.
          let i = row - firstShell[rowParticle]
          guard i == shells - 1, particleOfCurrent[column] == rowParticle else { return nil }
          outerCurrentAt[rowParticle] = position
        case (false, true):
          // Only j's row may hold shell columns: its particle's two outer shells.
          guard particleOfCurrent[row] == columnParticle else { return nil }
          let i = column - firstShell[columnParticle]
          if i == shells - 1 {
            currentOuterAt[columnParticle] = position
          } else if i == shells - 2 {
            currentInnerAt[columnParticle] = position
          } else {
            return nil
          }
        }
      }
    }
    guard !diagonalAt.contains(-1) else { return nil }
    particles = count
    self.current = DFNLinearSolver.buffer(current)
    self.firstShell = DFNLinearSolver.buffer(firstShell)
    currentReduced = DFNLinearSolver.buffer(current.map { reducedIndex[$0] })
    reducedCount = reduced.count
    self.reduced = DFNLinearSolver.buffer(reduced)
    self.diagonalAt = DFNLinearSolver.buffer(diagonalAt)
    self.belowAt = DFNLinearSolver.buffer(belowAt)
    self.aboveAt = DFNLinearSolver.buffer(aboveAt)
    self.outerCurrentAt = DFNLinearSolver.buffer(outerCurrentAt)
    self.currentOuterAt = DFNLinearSolver.buffer(currentOuterAt)
    self.currentInnerAt = DFNLinearSolver.buffer(currentInnerAt)
    let band = BandWorkspace(size: reduced.count, lower: lower, upper: upper)
    self.band = band
    reducedEntryCount = reducedEntries.count
    reducedSource = DFNLinearSolver.buffer(reducedEntries.map(\.position))
    reducedTarget = DFNLinearSolver.buffer(reducedEntries.map { band.position($0.row, $0.column) })
    let slots = [Double](repeating: 0, count: count * shells)
    inverseDenominator = DFNLinearSolver.buffer(slots)
    upperFactor = DFNLinearSolver.buffer(slots)
    self.below = DFNLinearSolver.buffer(slots)
    response = DFNLinearSolver.buffer(slots)
    rowOuter = DFNLinearSolver.buffer([Double](repeating: 0, count: count))
    rowInner = DFNLinearSolver.buffer([Double](repeating: 0, count: count))
    reducedRight = DFNLinearSolver.buffer([Double](repeating: 0, count: reduced.count))
  }

  func factor(values: UnsafePointer<Double>) -> Bool {
    @inline(__always) func value(_ position: Int) -> Double {
      position >= 0 ? values[position] : 0
    }
    factored = false
    band.clear()
    // The pattern has no duplicate entries, so each lands in its own place.
    for entry in 0..<reducedEntryCount {
      band.set(at: reducedTarget[entry], values[reducedSource[entry]])
    }
    for particle in 0..<particles {
      let base = particle * shells
      @inline(__always) func slot(_ i: Int) -> Int { i * particles + particle }
      // Thomas factors of the shell block T (forward elimination without pivoting).
      var previousUpper = 0.0
      for i in 0..<shells {
        let sub = value(belowAt[base + i])
        let denominator = values[diagonalAt[base + i]] - sub * previousUpper
        guard denominator != 0, denominator.isFinite else { return false }
        inverseDenominator[slot(i)] = 1 / denominator
        below[slot(i)] = sub
        previousUpper = value(aboveAt[base + i]) / denominator
        upperFactor[slot(i)] = previousUpper
      }
      // The shells' response to j: w = T⁻¹ c, c nonzero in the outer shell only.
      let coupling = value(outerCurrentAt[particle])
      var forward = 0.0
      for i in 0..<shells {
        forward =
          ((i == shells - 1 ? coupling : 0) - below[slot(i)] * forward)
          * inverseDenominator[slot(i)]
        response[slot(i)] = forward
      }
      for i in stride(from: shells - 2, through: 0, by: -1) {
        response[slot(i)] -= upperFactor[slot(i)] * response[slot(i + 1)]
      }
      // Schur complement on j's diagonal: D − r T⁻¹ c.
      rowOuter[particle] = value(currentOuterAt[particle])
      rowInner[particle] = value(currentInnerAt[particle])
      let j = currentReduced[particle]
      band.add(
        j, j,
        -(rowOuter[particle] * response[slot(shells - 1)]
          + rowInner[particle] * response[slot(shells - 2)]))
    }
    factored = band.factor()
    return factored
  }

  func solve(_ x: UnsafeMutablePointer<Double>) -> Bool {
    guard factored else { return false }
    // Index arithmetic wraps (&+): every index is inside the state by construction, and the
    // overflow checks would double the instructions of these short loops.
    let shells = self.shells
    let particles = self.particles
    let firstShell = self.firstShell
    let current = self.current
    // Shells, one level at a time across all particles (independent chains, so the processor
    // overlaps them): z = T⁻¹ b_s in place, then j's right-hand side less r z.
    for particle in 0..<particles {
      let index = firstShell[particle]
      x[index] *= inverseDenominator[particle]
    }
    for i in 1..<shells {
      let sub = below + i &* particles
      let inverse = inverseDenominator + i &* particles
      for particle in 0..<particles {
        let index = firstShell[particle] &+ i
        x[index] = (x[index] - sub[particle] * x[index &- 1]) * inverse[particle]
      }
    }
    var i = shells &- 2
    while i >= 0 {
      let factor = upperFactor + i &* particles
      for particle in 0..<particles {
        let index = firstShell[particle] &+ i
        x[index] -= factor[particle] * x[index &+ 1]
      }
      i &-= 1
    }
    for particle in 0..<particles {
      let outer = firstShell[particle] &+ shells &- 1
      x[current[particle]] -= rowOuter[particle] * x[outer] + rowInner[particle] * x[outer &- 1]
    }
    // The banded system in the other unknowns.
    for index in 0..<reducedCount { reducedRight[index] = x[reduced[index]] }
    band.solve(inPlace: reducedRight)
    for index in 0..<reducedCount { x[reduced[index]] = reducedRight[index] }
    // Back to the shells: x_s = z − w x_j.
    for particle in 0..<particles {
      let shell = x + firstShell[particle]
      let response = self.response + particle
      let j = x[current[particle]]
      var i = 0
      while i < shells {
        shell[i] -= response[i &* particles] * j
        i &+= 1
      }
    }
    return true
  }
}
