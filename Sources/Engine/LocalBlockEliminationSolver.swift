import DAESolver
import Electrochem

/// The Newton systems of a model whose volumes carry side states (degradation), solved by
/// eliminating each volume's particle and its local block: the interfacial current and the
/// side states.
///
/// Per volume the unknowns split into the particle's shells s, the local block l (j first,
/// then the side states) and the rest r, which couples volumes. The shells touch only j (the
/// outer shell's row), the local rows read the shells (j the two outer ones, loss of active
/// material all of them), their own block and their volume's r; r's rows read the volume's
/// local block. With T the shells' tridiagonal block, c its j column, S the local rows' shell
/// entries, L the local block, R and C its couplings to r and A the rest:
///
///     x_s = T⁻¹ b_s − u x_j,  u = T⁻¹ c
///     M = L − S u e_jᵀ,  x_l = M⁻¹ (b_l − S T⁻¹ b_s) − W x_r,  W = M⁻¹ R
///     (A − C W) x_r = b_r − C M⁻¹ (b_l − S T⁻¹ b_s)
///
/// The last system has the band of a model without side states, which `BandWorkspace`
/// factorises with its register-window substitutions. Without pivoting in T (diagonally
/// dominant: cj plus diffusion); with partial pivoting in M.
final class LocalBlockEliminationSolver: DAELinearSolver {
  private let shells: Int
  private let count: Int
  /// Per particle p: its local unknowns from `localStart[p]` (n_p of them, j first), its
  /// volume's band unknowns from `restStart[p]` (m_p), and where its n_p × n_p, n_p × shells,
  /// n_p × m_p and m_p × n_p blocks start in the flat buffers.
  private let localStart: UnsafeMutablePointer<Int>
  private let restStart: UnsafeMutablePointer<Int>
  private let squareStart: UnsafeMutablePointer<Int>
  private let shellBlockStart: UnsafeMutablePointer<Int>
  private let wideStart: UnsafeMutablePointer<Int>
  /// State indices: shells (particle by particle, centre first), local unknowns; band indices
  /// of the rest.
  private let shellUnknown: UnsafeMutablePointer<Int>
  private let localUnknown: UnsafeMutablePointer<Int>
  private let restIndex: UnsafeMutablePointer<Int>
  /// Pattern positions (−1 where the pattern has no entry): T's diagonal, below and above, c,
  /// S, L, R, C; and the band positions of the fill C W.
  private let tDiagonal: UnsafeMutablePointer<Int>
  private let tBelow: UnsafeMutablePointer<Int>
  private let tAbove: UnsafeMutablePointer<Int>
  private let cAt: UnsafeMutablePointer<Int>
  private let sAt: UnsafeMutablePointer<Int>
  /// Per local row of each particle, the first shell its row reads (`shells` for none): the
  /// interfacial current reads the outer two, loss of active material all, SEI and plating
  /// none, so the products with S skip what is zero by structure.
  private let sFirst: UnsafeMutablePointer<Int>
  private let lAt: UnsafeMutablePointer<Int>
  private let rAt: UnsafeMutablePointer<Int>
  private let couplingAt: UnsafeMutablePointer<Int>
  private let fillAt: UnsafeMutablePointer<Int>
  private let fillStart: UnsafeMutablePointer<Int>
  /// Entries among the rest: pattern position and band position.
  private let restEntryCount: Int
  private let restSource: UnsafeMutablePointer<Int>
  private let restTarget: UnsafeMutablePointer<Int>
  /// The unknowns of the band system, in order.
  private let reducedCount: Int
  private let reduced: UnsafeMutablePointer<Int>
  private let band: BandWorkspace

  // Factors: Thomas (inverse denominators, upper factors, sub-diagonal), u = T⁻¹ c, S, M's
  // LU and pivots, W = M⁻¹ R, C; scratch for the solve.
  private let inverseDenominator: UnsafeMutablePointer<Double>
  private let upperFactor: UnsafeMutablePointer<Double>
  private let below: UnsafeMutablePointer<Double>
  private let response: UnsafeMutablePointer<Double>
  private let sValues: UnsafeMutablePointer<Double>
  private let mFactors: UnsafeMutablePointer<Double>
  private let mPivots: UnsafeMutablePointer<Int>
  private let mRowScale: UnsafeMutablePointer<Double>
  private let wValues: UnsafeMutablePointer<Double>
  private let cValues: UnsafeMutablePointer<Double>
  private let shellScratch: UnsafeMutablePointer<Double>
  private let localScratch: UnsafeMutablePointer<Double>
  private let reducedRight: UnsafeMutablePointer<Double>
  private var factored = false

  deinit {
    for pointer in [
      localStart, restStart, squareStart, shellBlockStart, wideStart, shellUnknown, localUnknown,
      restIndex, tDiagonal, tBelow, tAbove, cAt, sAt, sFirst, lAt, rAt, couplingAt, fillAt,
      fillStart,
      restSource, restTarget, reduced, mPivots,
    ] {
      pointer.deallocate()
    }
    for pointer in [
      inverseDenominator, upperFactor, below, response, sValues, mFactors, mRowScale, wValues,
      cValues,
      shellScratch, localScratch, reducedRight,
    ] {
      pointer.deallocate()
    }
  }

  /// A solver for `pattern` whose `blocks` list side states; nil when the pattern couples
  /// anything beyond what the elimination allows (then KLU serves).
  init?(blocks: ParticleBlocks, pattern: SparsityPattern) {
    let size = pattern.size
    guard let shells = blocks.particles.first?.shells.count, shells >= 2,
      blocks.particles.allSatisfy({ $0.shells.count == shells }),
      blocks.particles.contains(where: { !$0.sides.isEmpty }),
      blocks.volumeOfUnknown.count == size
    else { return nil }
    self.shells = shells
    count = blocks.particles.count
    // Which particle and place each unknown has.
    var shellOf = [(particle: Int, shell: Int)?](repeating: nil, count: size)
    var localOf = [(particle: Int, index: Int)?](repeating: nil, count: size)
    let locals = blocks.particles.map { [$0.current] + $0.sides }
    for (p, block) in blocks.particles.enumerated() {
      for (i, unknown) in block.shells.enumerated() { shellOf[unknown] = (p, i) }
      for (l, unknown) in locals[p].enumerated() { localOf[unknown] = (p, l) }
    }
    let reduced = (0..<size).filter { shellOf[$0] == nil && localOf[$0] == nil }
    var reducedIndex = [Int](repeating: -1, count: size)
    for (index, unknown) in reduced.enumerated() { reducedIndex[unknown] = index }
    let rests = blocks.particles.map { block in
      let volume = blocks.volumeOfUnknown[block.current]
      return reduced.filter { blocks.volumeOfUnknown[$0] == volume }
    }
    let n = locals.map(\.count)
    let m = rests.map(\.count)
    func starts(_ sizes: [Int]) -> [Int] {
      sizes.reduce(into: [0]) { $0.append(($0.last ?? 0) + $1) }
    }
    func total(_ sizes: [Int]) -> Int { sizes.reduce(0, +) }
    let localStarts = starts(n)
    let restStarts = starts(m)
    let squareStarts = starts(n.map { $0 * $0 })
    let shellStarts = starts(n.map { $0 * shells })
    let wideStarts = starts(zip(n, m).map { $0 * $1 })
    var tDiagonal = [Int](repeating: -1, count: count * shells)
    var tBelow = tDiagonal
    var tAbove = tDiagonal
    var cAt = [Int](repeating: -1, count: count)
    var sAt = [Int](repeating: -1, count: total(n.map { $0 * shells }))
    var lAt = [Int](repeating: -1, count: total(n.map { $0 * $0 }))
    var rAt = [Int](repeating: -1, count: total(zip(n, m).map { $0 * $1 }))
    var couplingAt = [Int](repeating: -1, count: total(zip(n, m).map { $0 * $1 }))
    var restEntries: [(position: Int, row: Int, column: Int)] = []
    for column in 0..<size {
      for position in pattern.columnStarts[column]..<pattern.columnStarts[column + 1] {
        let row = pattern.rowIndices[position]
        switch (shellOf[row], localOf[row], shellOf[column], localOf[column]) {
        case (let r?, nil, let c?, nil):
          guard r.particle == c.particle else { return nil }
          let slot = r.particle * shells + r.shell
          switch c.shell - r.shell {
          case 0: tDiagonal[slot] = position
          case -1: tBelow[slot] = position
          case 1: tAbove[slot] = position
          default: return nil
          }
        case (let r?, nil, nil, let c?):
          guard r.particle == c.particle, r.shell == shells - 1, c.index == 0 else { return nil }
          cAt[r.particle] = position
        case (nil, let r?, let c?, nil):
          guard r.particle == c.particle else { return nil }
          sAt[shellStarts[r.particle] + r.index * shells + c.shell] = position
        case (nil, let r?, nil, let c?):
          guard r.particle == c.particle else { return nil }
          lAt[squareStarts[r.particle] + r.index * n[r.particle] + c.index] = position
        case (nil, let r?, nil, nil):
          guard let slot = rests[r.particle].firstIndex(of: column) else { return nil }
          rAt[wideStarts[r.particle] + r.index * m[r.particle] + slot] = position
        case (nil, nil, nil, let c?):
          guard let slot = rests[c.particle].firstIndex(of: row) else { return nil }
          couplingAt[wideStarts[c.particle] + slot * n[c.particle] + c.index] = position
        case (nil, nil, nil, nil):
          restEntries.append((position, reducedIndex[row], reducedIndex[column]))
        default:
          return nil
        }
      }
    }
    guard !tDiagonal.contains(-1) else { return nil }
    var sFirst = [Int](repeating: shells, count: localStarts.last ?? 0)
    for p in 0..<count {
      for row in 0..<n[p] {
        let base = shellStarts[p] + row * shells
        sFirst[localStarts[p] + row] = (0..<shells).first { sAt[base + $0] >= 0 } ?? shells
      }
    }
    self.sFirst = .copying(sFirst)
    // The band: the rest's entries and the fill C W within each volume.
    var bandEntries = restEntries.map { (row: $0.row, column: $0.column) }
    for rest in rests {
      for row in rest {
        for column in rest { bandEntries.append((reducedIndex[row], reducedIndex[column])) }
      }
    }
    let lower = bandEntries.map { $0.row - $0.column }.max() ?? 0
    let upper = bandEntries.map { $0.column - $0.row }.max() ?? 0
    let band = BandWorkspace(size: reduced.count, lower: max(lower, 0), upper: max(upper, 0))
    self.band = band
    let fill = rests.flatMap { rest in
      rest.flatMap { row in rest.map { band.position(reducedIndex[row], reducedIndex[$0]) } }
    }
    fillAt = .copying(fill)
    fillStart = .copying(starts(m.map { $0 * $0 }))
    localStart = .copying(localStarts)
    restStart = .copying(restStarts)
    squareStart = .copying(squareStarts)
    shellBlockStart = .copying(shellStarts)
    wideStart = .copying(wideStarts)
    shellUnknown = .copying(blocks.particles.flatMap(\.shells))
    localUnknown = .copying(locals.flatMap { $0 })
    restIndex = .copying(rests.flatMap { $0.map { reducedIndex[$0] } })
    self.tDiagonal = .copying(tDiagonal)
    self.tBelow = .copying(tBelow)
    self.tAbove = .copying(tAbove)
    self.cAt = .copying(cAt)
    self.sAt = .copying(sAt)
    self.lAt = .copying(lAt)
    self.rAt = .copying(rAt)
    self.couplingAt = .copying(couplingAt)
    restEntryCount = restEntries.count
    restSource = .copying(restEntries.map(\.position))
    restTarget = .copying(restEntries.map { band.position($0.row, $0.column) })
    reducedCount = reduced.count
    self.reduced = .copying(reduced)
    func zeros(_ size: Int) -> UnsafeMutablePointer<Double> {
      .copying([Double](repeating: 0, count: size))
    }
    inverseDenominator = zeros(count * shells)
    upperFactor = zeros(count * shells)
    below = zeros(count * shells)
    response = zeros(count * shells)
    sValues = zeros(total(n.map { $0 * shells }))
    mFactors = zeros(total(n.map { $0 * $0 }))
    mPivots = .copying([Int](repeating: 0, count: total(n)))
    mRowScale = zeros(total(n))
    wValues = zeros(total(zip(n, m).map { $0 * $1 }))
    cValues = zeros(total(zip(n, m).map { $0 * $1 }))
    shellScratch = zeros(count * shells)
    localScratch = zeros(total(n))
    reducedRight = zeros(reduced.count)
  }

  func factor(values: UnsafePointer<Double>) -> Bool {
    @inline(__always) func value(_ position: Int) -> Double {
      position >= 0 ? values[position] : 0
    }
    factored = false
    band.clear()
    for entry in 0..<restEntryCount { band.set(at: restTarget[entry], values[restSource[entry]]) }
    for p in 0..<count {
      let n = localStart[p + 1] - localStart[p]
      let m = restStart[p + 1] - restStart[p]
      let t = p * shells
      // Thomas on T, and u = T⁻¹ c with c nonzero on the outer shell only.
      var previousUpper = 0.0
      for i in 0..<shells {
        let sub = i > 0 ? value(tBelow[t + i]) : 0
        let denominator = values[tDiagonal[t + i]] - sub * previousUpper
        guard denominator != 0, denominator.isFinite else { return false }
        inverseDenominator[t + i] = 1 / denominator
        below[t + i] = sub
        previousUpper = i < shells - 1 ? value(tAbove[t + i]) / denominator : 0
        upperFactor[t + i] = previousUpper
      }
      let u = response + t
      for i in 0..<shells { u[i] = 0 }
      u[shells - 1] = value(cAt[p])
      thomas(p, u)
      // M = L − S u e_jᵀ.
      let a = mFactors + squareStart[p]
      let sBlock = sValues + shellBlockStart[p]
      let sPositions = sAt + shellBlockStart[p]
      let lPositions = lAt + squareStart[p]
      for row in 0..<n {
        var coupling = 0.0
        for i in 0..<shells {
          let s = value(sPositions[row * shells + i])
          sBlock[row * shells + i] = s
          coupling += s * u[i]
        }
        for column in 0..<n { a[row * n + column] = value(lPositions[row * n + column]) }
        a[row * n] -= coupling
      }
      // Rows equilibrated before pivoting: the local rows' scales differ by many orders
      // (a Butler-Volmer row against a film-growth row), and partial pivoting on unscaled
      // rows leaves the small rows' residuals large relative to their own entries.
      let scale = mRowScale + localStart[p]
      for row in 0..<n {
        var largest = 0.0
        for column in 0..<n { largest = max(largest, abs(a[row * n + column])) }
        guard largest > 0, largest.isFinite else { return false }
        scale[row] = 1 / largest
        for column in 0..<n { a[row * n + column] *= scale[row] }
      }
      let pivots = mPivots + localStart[p]
      guard SmallDenseLU.factor(a, n: n, pivots: pivots) else { return false }
      // W = M⁻¹ R, column by column; then the fill −C W into the volume's rest block.
      let w = wValues + wideStart[p]
      let c = cValues + wideStart[p]
      let rPositions = rAt + wideStart[p]
      let cPositions = couplingAt + wideStart[p]
      let column = localScratch + localStart[p]
      for k in 0..<m {
        for row in 0..<n {
          column[row] = value(rPositions[row * m + k])
        }
        mSolve(p, column)
        for row in 0..<n { w[row * m + k] = column[row] }
      }
      let fill = fillAt + fillStart[p]
      for row in 0..<m {
        for l in 0..<n { c[row * n + l] = value(cPositions[row * n + l]) }
        for k in 0..<m {
          var sum = 0.0
          for l in 0..<n { sum += c[row * n + l] * w[l * m + k] }
          band.add(at: fill[row * m + k], -sum)
        }
      }
    }
    guard band.factor() else { return false }
    factored = true
    return true
  }

  func solve(_ x: UnsafeMutablePointer<Double>) -> Bool {
    guard factored else { return false }
    for index in 0..<reducedCount { reducedRight[index] = x[reduced[index]] }
    for p in 0..<count {
      let n = localStart[p + 1] - localStart[p]
      let m = restStart[p + 1] - restStart[p]
      // z = T⁻¹ b_s; y_l = M⁻¹ (b_l − S z); b_r −= C y_l.
      let z = shellScratch + p * shells
      for i in 0..<shells { z[i] = x[shellUnknown[p * shells + i]] }
      thomas(p, z)
      let local = localScratch + localStart[p]
      let sBlock = sValues + shellBlockStart[p]
      let first = sFirst + localStart[p]
      for row in 0..<n {
        var sum = x[localUnknown[localStart[p] + row]]
        var i = first[row]
        while i < shells {
          sum -= sBlock[row * shells + i] * z[i]
          i += 1
        }
        local[row] = sum
      }
      mSolve(p, local)
      let c = cValues + wideStart[p]
      let rest = restIndex + restStart[p]
      for row in 0..<m {
        var sum = 0.0
        for l in 0..<n { sum += c[row * n + l] * local[l] }
        reducedRight[rest[row]] -= sum
      }
    }
    band.solve(inPlace: reducedRight)
    for index in 0..<reducedCount { x[reduced[index]] = reducedRight[index] }
    for p in 0..<count {
      let n = localStart[p + 1] - localStart[p]
      let m = restStart[p + 1] - restStart[p]
      // x_l = y_l − W x_r; x_s = z − u x_j.
      let local = localScratch + localStart[p]
      let w = wValues + wideStart[p]
      let rest = restIndex + restStart[p]
      for row in 0..<n {
        var sum = local[row]
        for k in 0..<m { sum -= w[row * m + k] * reducedRight[rest[k]] }
        local[row] = sum
        x[localUnknown[localStart[p] + row]] = sum
      }
      let z = shellScratch + p * shells
      let u = response + p * shells
      for i in 0..<shells { x[shellUnknown[p * shells + i]] = z[i] - u[i] * local[0] }
    }
    return true
  }

  /// b ← M⁻¹ b for particle `p`, with M's row scales and LU factors.
  @inline(__always)
  private func mSolve(_ p: Int, _ b: UnsafeMutablePointer<Double>) {
    let n = localStart[p + 1] - localStart[p]
    let scale = mRowScale + localStart[p]
    for row in 0..<n { b[row] *= scale[row] }
    SmallDenseLU.solve(mFactors + squareStart[p], n: n, pivots: mPivots + localStart[p], b)
  }

  /// b ← T⁻¹ b for particle `p`, with the Thomas factors.
  @inline(__always)
  private func thomas(_ p: Int, _ b: UnsafeMutablePointer<Double>) {
    let t = p * shells
    var previous = 0.0
    for i in 0..<shells {
      previous = (b[i] - below[t + i] * previous) * inverseDenominator[t + i]
      b[i] = previous
    }
    var i = shells - 2
    while i >= 0 {
      b[i] -= upperFactor[t + i] * b[i + 1]
      i -= 1
    }
  }
}
