import DAESolver
import Electrochem

/// The Newton systems of a model with particle blocks (the DFN's) solved by block elimination
/// of the particles and of the interfacial currents.
///
/// Each particle's shells form a tridiagonal block that touches the rest of the system only
/// through its interfacial current j: the outer shell's row has a j column, and j's row has
/// the two outer shells. Eliminating the shells (without pivoting: cj + diffusion on the
/// diagonal makes the block diagonally dominant) leaves one j-diagonal correction per volume.
/// Each j then touches only its own volume's electrolyte concentration and the two potentials
/// (its row reads them, their rows read it), and its diagonal is about 1 (j − j_BV), so it is
/// eliminated as well, which fills the 3 × 3 block of its volume. What remains is a banded
/// system in the electrolyte, potential, current and charge unknowns, about a quarter of the
/// size, which a banded LU with threshold partial pivoting solves (`BandWorkspace`).
final class ParticleEliminationSolver: DAELinearSolver {
  private let shells: Int
  private let particles: Int
  /// Per particle: the index of its j and of its innermost shell.
  private let current: UnsafeMutablePointer<Int>
  private let firstShell: UnsafeMutablePointer<Int>
  /// Runs of particles whose shells lie side by side (particle p + 1's shell i right after
  /// particle p's, shell i + 1 a stride further): first particle, length, stride.
  private let runCount: Int
  private let runFirst: UnsafeMutablePointer<Int>
  private let runLength: UnsafeMutablePointer<Int>
  private let runStride: UnsafeMutablePointer<Int>
  /// Scratch: the j of each particle of a run.
  private let currentValue: UnsafeMutablePointer<Double>
  /// Whether each run's blocks were equal at the last factorisation (one set of factors).
  private let runUniform: UnsafeMutablePointer<Bool>
  /// Pattern positions of each j's diagonal.
  private let currentDiagonalAt: UnsafeMutablePointer<Int>
  /// j's couplings to the banded unknowns, particle p's in `couplingStart[p]..<[p + 1]`:
  /// in j's row (pattern position, banded column) and in j's column (position, banded row).
  private let rowCouplingStart: UnsafeMutablePointer<Int>
  private let rowCouplingAt: UnsafeMutablePointer<Int>
  private let rowCouplingColumn: UnsafeMutablePointer<Int>
  private let columnCouplingStart: UnsafeMutablePointer<Int>
  private let columnCouplingAt: UnsafeMutablePointer<Int>
  private let columnCouplingRow: UnsafeMutablePointer<Int>
  /// The state index of the j each coupling belongs to, so that the solve runs over all
  /// couplings in one flat loop (no inner loop of varying length per particle).
  private let rowCouplingCurrent: UnsafeMutablePointer<Int>
  private let columnCouplingCurrent: UnsafeMutablePointer<Int>
  private let rowCouplingCount: Int
  private let columnCouplingCount: Int
  /// Where each product of a column coupling and a row coupling lands in the band (the fill of
  /// eliminating j), particle by particle, column coupling by column coupling.
  private let fillTarget: UnsafeMutablePointer<Int>
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
  // the shells' response to a unit j (T⁻¹ c), j's row entries on the two outer shells, the
  // inverse of j's condensed diagonal, j's row couplings and its column couplings divided by
  // that diagonal; raw memory, so that the loops carry no copy-on-write or exclusivity checks.
  private let inverseDenominator: UnsafeMutablePointer<Double>
  private let upperFactor: UnsafeMutablePointer<Double>
  private let below: UnsafeMutablePointer<Double>
  private let response: UnsafeMutablePointer<Double>
  private let rowOuter: UnsafeMutablePointer<Double>
  private let rowInner: UnsafeMutablePointer<Double>
  private let inverseCurrentDiagonal: UnsafeMutablePointer<Double>
  private let rowCoupling: UnsafeMutablePointer<Double>
  private let columnCouplingFactor: UnsafeMutablePointer<Double>
  private let reducedRight: UnsafeMutablePointer<Double>

  deinit {
    for pointer in [
      current, firstShell, runFirst, runLength, runStride, currentDiagonalAt, rowCouplingStart,
      rowCouplingAt, rowCouplingColumn,
      columnCouplingStart, columnCouplingAt, columnCouplingRow, rowCouplingCurrent,
      columnCouplingCurrent, fillTarget, reduced, diagonalAt,
      belowAt, aboveAt, outerCurrentAt, currentOuterAt, currentInnerAt, reducedSource,
      reducedTarget,
    ] {
      pointer.deallocate()
    }
    for pointer in [
      inverseDenominator, upperFactor, below, response, rowOuter, rowInner,
      inverseCurrentDiagonal, rowCoupling, columnCouplingFactor, reducedRight, currentValue,
    ] {
      pointer.deallocate()
    }
    runUniform.deallocate()
  }

  /// A solver for `pattern` with the particles of `blocks`; nil when the pattern couples a
  /// particle to anything but its own j, a j to anything but its own particle and the other
  /// unknowns of its volume, the particles do not all have the same number of shells (at
  /// least two), or a particle's shells are not evenly spaced in the state.
  init?(blocks: ParticleBlocks, pattern: SparsityPattern) {
    let size = pattern.size
    guard let shells = blocks.particles.first?.shells.count, shells >= 2,
      blocks.particles.allSatisfy({ $0.shells.count == shells }),
      blocks.volumeOfUnknown.count == size
    else { return nil }
    self.shells = shells
    var particleOf = [Int](repeating: -1, count: size)
    var particleOfCurrent = [Int](repeating: -1, count: size)
    let volumeOf = blocks.volumeOfUnknown
    var shellOf = [Int](repeating: -1, count: size)
    var current: [Int] = []
    var firstShell: [Int] = []
    var shellStride: [Int] = []
    for block in blocks.particles {
      let particle = current.count
      particleOfCurrent[block.current] = particle
      current.append(block.current)
      firstShell.append(block.shells[0])
      shellStride.append(block.shells[1] - block.shells[0])
      for (shell, unknown) in block.shells.enumerated() {
        // Shell i of a particle must sit at its first shell plus i strides.
        guard unknown == firstShell[particle] + shell * shellStride[particle] else { return nil }
        particleOf[unknown] = particle
        shellOf[unknown] = shell
      }
    }
    let reduced = (0..<size).filter { particleOf[$0] < 0 && particleOfCurrent[$0] < 0 }
    var reducedIndex = [Int](repeating: -1, count: size)
    for (index, unknown) in reduced.enumerated() { reducedIndex[unknown] = index }

    let count = current.count
    var diagonalAt = [Int](repeating: -1, count: count * shells)
    var belowAt = diagonalAt
    var aboveAt = diagonalAt
    var outerCurrentAt = [Int](repeating: -1, count: count)
    var currentOuterAt = outerCurrentAt
    var currentInnerAt = outerCurrentAt
    var currentDiagonalAt = outerCurrentAt
    var rowCouplings = [[(position: Int, column: Int)]](repeating: [], count: count)
    var columnCouplings = [[(position: Int, row: Int)]](repeating: [], count: count)
    var reducedEntries: [(position: Int, row: Int, column: Int)] = []
    for column in 0..<size {
      for position in pattern.columnStarts[column]..<pattern.columnStarts[column + 1] {
        let row = pattern.rowIndices[position]
        let rowParticle = particleOf[row]
        let columnParticle = particleOf[column]
        let rowCurrent = particleOfCurrent[row]
        let columnCurrent = particleOfCurrent[column]
        switch (rowParticle >= 0, columnParticle >= 0) {
        case (true, true):
          guard rowParticle == columnParticle else { return nil }
          let i = shellOf[row]
          let m = shellOf[column]
          let slot = rowParticle * shells + i
          switch m - i {
          case 0: diagonalAt[slot] = position
          case -1: belowAt[slot] = position
          case 1: aboveAt[slot] = position
          default: return nil
          }
        case (true, false):
          // Only the outer shell's row may hold a column outside the particle: its own j.
          let i = shellOf[row]
          guard i == shells - 1, columnCurrent == rowParticle else { return nil }
          outerCurrentAt[rowParticle] = position
        case (false, true):
          // Only j's row may hold shell columns: its particle's two outer shells.
          guard rowCurrent == columnParticle else { return nil }
          let i = shellOf[column]
          if i == shells - 1 {
            currentOuterAt[columnParticle] = position
          } else if i == shells - 2 {
            currentInnerAt[columnParticle] = position
          } else {
            return nil
          }
        case (false, false):
          switch (rowCurrent >= 0, columnCurrent >= 0) {
          case (true, true):
            guard rowCurrent == columnCurrent else { return nil }
            currentDiagonalAt[rowCurrent] = position
          case (true, false):
            // j's row reads only unknowns of its own volume, so its elimination fills only
            // that volume's block and the band keeps its width.
            guard volumeOf[column] == volumeOf[row] else { return nil }
            rowCouplings[rowCurrent].append((position, reducedIndex[column]))
          case (false, true):
            guard volumeOf[row] == volumeOf[column] else { return nil }
            columnCouplings[columnCurrent].append((position, reducedIndex[row]))
          case (false, false):
            reducedEntries.append((position, reducedIndex[row], reducedIndex[column]))
          }
        }
      }
    }
    guard !diagonalAt.contains(-1), !currentDiagonalAt.contains(-1) else { return nil }
    // The band holds the remaining entries and the fill of eliminating each j.
    var bandEntries = reducedEntries.map { (row: $0.row, column: $0.column) }
    for particle in 0..<count {
      for target in columnCouplings[particle] {
        for source in rowCouplings[particle] {
          bandEntries.append((target.row, source.column))
        }
      }
    }
    let lower = bandEntries.map { $0.row - $0.column }.max() ?? 0
    let upper = bandEntries.map { $0.column - $0.row }.max() ?? 0
    let band = BandWorkspace(size: reduced.count, lower: max(lower, 0), upper: max(upper, 0))
    self.band = band

    particles = count
    self.current = .copying(current)
    self.firstShell = .copying(firstShell)
    var runs: [(first: Int, length: Int, stride: Int)] = []
    for particle in 0..<count {
      if let last = runs.last, shellStride[particle] == last.stride,
        firstShell[particle] == firstShell[last.first] + last.length
      {
        runs[runs.count - 1].length += 1
      } else {
        runs.append((particle, 1, shellStride[particle]))
      }
    }
    runCount = runs.count
    runFirst = .copying(runs.map(\.first))
    runLength = .copying(runs.map(\.length))
    runStride = .copying(runs.map(\.stride))
    currentValue = .copying([Double](repeating: 0, count: count))
    runUniform = .copying([Bool](repeating: false, count: runs.count))
    self.currentDiagonalAt = .copying(currentDiagonalAt)
    rowCouplingStart = .copying(
      ParticleEliminationSolver.starts(rowCouplings))
    rowCouplingAt = .copying(rowCouplings.flatMap { $0.map(\.position) })
    rowCouplingColumn = .copying(rowCouplings.flatMap { $0.map(\.column) })
    columnCouplingStart = .copying(
      ParticleEliminationSolver.starts(columnCouplings))
    columnCouplingAt = .copying(
      columnCouplings.flatMap { $0.map(\.position) })
    columnCouplingRow = .copying(columnCouplings.flatMap { $0.map(\.row) })
    rowCouplingCurrent = .copying(
      rowCouplings.indices.flatMap { [Int](repeating: current[$0], count: rowCouplings[$0].count) })
    columnCouplingCurrent = .copying(
      columnCouplings.indices.flatMap {
        [Int](repeating: current[$0], count: columnCouplings[$0].count)
      })
    rowCouplingCount = rowCouplings.map(\.count).reduce(0, +)
    columnCouplingCount = columnCouplings.map(\.count).reduce(0, +)
    fillTarget = .copying(
      bandEntries[reducedEntries.count...].map { band.position($0.row, $0.column) })
    reducedCount = reduced.count
    self.reduced = .copying(reduced)
    self.diagonalAt = .copying(diagonalAt)
    self.belowAt = .copying(belowAt)
    self.aboveAt = .copying(aboveAt)
    self.outerCurrentAt = .copying(outerCurrentAt)
    self.currentOuterAt = .copying(currentOuterAt)
    self.currentInnerAt = .copying(currentInnerAt)
    reducedEntryCount = reducedEntries.count
    reducedSource = .copying(reducedEntries.map(\.position))
    reducedTarget = .copying(
      reducedEntries.map { band.position($0.row, $0.column) })
    let slots = [Double](repeating: 0, count: count * shells)
    inverseDenominator = .copying(slots)
    upperFactor = .copying(slots)
    self.below = .copying(slots)
    response = .copying(slots)
    let perParticle = [Double](repeating: 0, count: count)
    rowOuter = .copying(perParticle)
    rowInner = .copying(perParticle)
    inverseCurrentDiagonal = .copying(perParticle)
    rowCoupling = .copying(
      [Double](repeating: 0, count: rowCouplings.map(\.count).reduce(0, +)))
    columnCouplingFactor = .copying(
      [Double](repeating: 0, count: columnCouplings.map(\.count).reduce(0, +)))
    reducedRight = .copying([Double](repeating: 0, count: reduced.count))
  }

  /// The offsets at which each group starts in the groups laid end to end, and their total.
  private static func starts<T>(_ groups: [[T]]) -> [Int] {
    var starts = [0]
    for group in groups { starts.append(starts[starts.count - 1] + group.count) }
    return starts
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
    // The fill products lie particle by particle in `fillTarget`.
    var fill = 0
    for run in 0..<runCount {
      let first = runFirst[run]
      let uniform = sameBlocks(run: run, values: values)
      runUniform[run] = uniform
      for particle in first..<(first + runLength[run]) {
        // A run of equal blocks (a constant diffusivity) is factorised once, for its first
        // particle, and its solve reads those factors for every particle.
        if !uniform || particle == first {
          guard factorShells(particle: particle, values: values) else { return false }
        }
        let owner = uniform ? first : particle
        @inline(__always) func slot(_ i: Int) -> Int { i * particles + owner }
        // Schur complement on j's diagonal: D − r T⁻¹ c.
        rowOuter[particle] = value(currentOuterAt[particle])
        rowInner[particle] = value(currentInnerAt[particle])
        let condensed =
          values[currentDiagonalAt[particle]]
          - (rowOuter[particle] * response[slot(shells - 1)]
            + rowInner[particle] * response[slot(shells - 2)])
        guard condensed != 0, condensed.isFinite else { return false }
        // Eliminating j: the rows that read j (b) lose b/D' times j's row (a) on the columns it
        // reads; all of them in j's own volume.
        let inverse = 1 / condensed
        inverseCurrentDiagonal[particle] = inverse
        for entry in rowCouplingStart[particle]..<rowCouplingStart[particle + 1] {
          rowCoupling[entry] = values[rowCouplingAt[entry]]
        }
        for target in columnCouplingStart[particle]..<columnCouplingStart[particle + 1] {
          let factor = values[columnCouplingAt[target]] * inverse
          columnCouplingFactor[target] = factor
          for source in rowCouplingStart[particle]..<rowCouplingStart[particle + 1] {
            band.add(at: fillTarget[fill], -factor * rowCoupling[source])
            fill += 1
          }
        }
      }
    }
    factored = band.factor()
    return factored
  }

  /// z = T⁻¹ b_s for every particle of `run`, then j's right-hand side less r z.
  ///
  /// Level by level across the run's particles (consecutive in the state, so each level is
  /// plain vector arithmetic); `factors` says whether each particle has its own factors or the
  /// run shares one set.
  @inline(__always)
  private func eliminateShells<Factors: ShellFactors>(
    _ x: UnsafeMutablePointer<Double>, run: Int, factors: Factors
  ) {
    let first = runFirst[run]
    let count = runLength[run]
    let stride = runStride[run]
    let base = x + firstShell[first]
    let vectorEnd = count & ~3
    @inline(__always) func slot(_ i: Int) -> Int { i &* particles &+ first }
    for q in Swift.stride(from: 0, to: vectorEnd, by: 4) {
      base.setLanes(base.lanes(at: q) * factors.lanes(inverseDenominator, slot(0), q), at: q)
    }
    for q in vectorEnd..<count { base[q] *= factors.value(inverseDenominator, slot(0), q) }
    for i in 1..<shells {
      let level = base + i &* stride
      let previous = base + (i &- 1) &* stride
      for q in Swift.stride(from: 0, to: vectorEnd, by: 4) {
        let value = level.lanes(at: q) - factors.lanes(below, slot(i), q) * previous.lanes(at: q)
        level.setLanes(value * factors.lanes(inverseDenominator, slot(i), q), at: q)
      }
      for q in vectorEnd..<count {
        level[q] =
          (level[q] - factors.value(below, slot(i), q) * previous[q])
          * factors.value(inverseDenominator, slot(i), q)
      }
    }
    var i = shells &- 2
    while i >= 0 {
      let level = base + i &* stride
      let next = base + (i &+ 1) &* stride
      for q in Swift.stride(from: 0, to: vectorEnd, by: 4) {
        let change = factors.lanes(upperFactor, slot(i), q) * next.lanes(at: q)
        level.setLanes(level.lanes(at: q) - change, at: q)
      }
      for q in vectorEnd..<count { level[q] -= factors.value(upperFactor, slot(i), q) * next[q] }
      i &-= 1
    }
    let outer = base + (shells &- 1) &* stride
    let inner = base + (shells &- 2) &* stride
    for q in 0..<count {
      let particle = first &+ q
      x[current[particle]] -= rowOuter[particle] * outer[q] + rowInner[particle] * inner[q]
    }
  }

  /// The shells of `run` back from z: x_s = z − w x_j, with j solved.
  @inline(__always)
  private func restoreShells<Factors: ShellFactors>(
    _ x: UnsafeMutablePointer<Double>, run: Int, factors: Factors
  ) {
    let first = runFirst[run]
    let count = runLength[run]
    let stride = runStride[run]
    let base = x + firstShell[first]
    let vectorEnd = count & ~3
    for q in 0..<count { currentValue[q] = x[current[first &+ q]] }
    for i in 0..<shells {
      let level = base + i &* stride
      let slot = i &* particles &+ first
      for q in Swift.stride(from: 0, to: vectorEnd, by: 4) {
        let change = factors.lanes(response, slot, q) * currentValue.lanes(at: q)
        level.setLanes(level.lanes(at: q) - change, at: q)
      }
      for q in vectorEnd..<count { level[q] -= factors.value(response, slot, q) * currentValue[q] }
    }
  }

  /// Whether every particle of `run` has the same shell block and j coupling as its first.
  private func sameBlocks(run: Int, values: UnsafePointer<Double>) -> Bool {
    @inline(__always) func value(_ position: Int) -> Double {
      position >= 0 ? values[position] : 0
    }
    let first = runFirst[run]
    let reference = first * shells
    let coupling = value(outerCurrentAt[first])
    for particle in (first + 1)..<(first + runLength[run]) {
      guard value(outerCurrentAt[particle]) == coupling else { return false }
      let base = particle * shells
      for i in 0..<shells {
        guard values[diagonalAt[base + i]] == values[diagonalAt[reference + i]],
          value(belowAt[base + i]) == value(belowAt[reference + i]),
          value(aboveAt[base + i]) == value(aboveAt[reference + i])
        else { return false }
      }
    }
    return true
  }

  /// The Thomas factors of `particle`'s shell block T and its shells' response to j, w = T⁻¹ c
  /// (c nonzero in the outer shell only); false when a pivot is zero or not finite.
  private func factorShells(particle: Int, values: UnsafePointer<Double>) -> Bool {
    @inline(__always) func value(_ position: Int) -> Double {
      position >= 0 ? values[position] : 0
    }
    let base = particle * shells
    @inline(__always) func slot(_ i: Int) -> Int { i * particles + particle }
    // Forward elimination without pivoting.
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
    return true
  }

  func solve(_ x: UnsafeMutablePointer<Double>) -> Bool {
    guard factored else { return false }
    // Index arithmetic wraps (&+): every index is inside the state by construction, and the
    // overflow checks would double the instructions of these short loops.
    let particles = self.particles
    let current = self.current
    // Shells: z = T⁻¹ b_s in place, then j's right-hand side less r z.
    for run in 0..<runCount {
      if runUniform[run] {
        eliminateShells(x, run: run, factors: SharedFactors())
      } else {
        eliminateShells(x, run: run, factors: OwnFactors())
      }
    }
    // The banded system in the other unknowns, its right-hand side less b/D' times j's.
    for index in 0..<reducedCount { reducedRight[index] = x[reduced[index]] }
    for entry in 0..<columnCouplingCount {
      reducedRight[columnCouplingRow[entry]] -=
        columnCouplingFactor[entry] * x[columnCouplingCurrent[entry]]
    }
    band.solve(inPlace: reducedRight)
    for index in 0..<reducedCount { x[reduced[index]] = reducedRight[index] }
    // j from its row: (right-hand side − a · the banded unknowns) / D'.
    for entry in 0..<rowCouplingCount {
      x[rowCouplingCurrent[entry]] -= rowCoupling[entry] * reducedRight[rowCouplingColumn[entry]]
    }
    for particle in 0..<particles {
      x[current[particle]] *= inverseCurrentDiagonal[particle]
    }
    // Back to the shells: x_s = z − w x_j.
    for run in 0..<runCount {
      if runUniform[run] {
        restoreShells(x, run: run, factors: SharedFactors())
      } else {
        restoreShells(x, run: run, factors: OwnFactors())
      }
    }
    return true
  }
}

/// Where the shell factors of a run's particle q are read.
///
/// At `slot + q` (each particle its own) or at `slot` (one set for a run of equal blocks); the
/// eliminations are generic over it and specialised for each, so both are one body.
private protocol ShellFactors {
  /// The factors of particles q … q + 3 of the level at `slot` in `array`.
  func lanes(_ array: UnsafeMutablePointer<Double>, _ slot: Int, _ q: Int) -> Lanes
  /// The factor of particle q of the level at `slot` in `array`.
  func value(_ array: UnsafeMutablePointer<Double>, _ slot: Int, _ q: Int) -> Double
}

/// Each particle has its own factors.
private struct OwnFactors: ShellFactors {
  @inline(__always)
  func lanes(_ array: UnsafeMutablePointer<Double>, _ slot: Int, _ q: Int) -> Lanes {
    array.lanes(at: slot &+ q)
  }

  @inline(__always)
  func value(_ array: UnsafeMutablePointer<Double>, _ slot: Int, _ q: Int) -> Double {
    array[slot &+ q]
  }
}

/// The run's particles share their first particle's factors.
private struct SharedFactors: ShellFactors {
  @inline(__always)
  func lanes(_ array: UnsafeMutablePointer<Double>, _ slot: Int, _ q: Int) -> Lanes {
    Lanes(repeating: array[slot])
  }

  @inline(__always)
  func value(_ array: UnsafeMutablePointer<Double>, _ slot: Int, _ q: Int) -> Double {
    array[slot]
  }
}
