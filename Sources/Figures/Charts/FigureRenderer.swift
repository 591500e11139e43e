/// Lays out a figure's panels on a grid with aligned plot areas and draws them.
public struct FigureRenderer: Sendable {
  /// Sizes of text and lines.
  public var style: ChartStyle

  /// A renderer with `style`.
  public init(style: ChartStyle = ChartStyle()) {
    self.style = style
  }

  /// The figure drawn on a new recording canvas.
  public func drawing(_ figure: Figure) -> Drawing {
    let cellWidth = figure.width.points / Double(figure.columns)
    let cellHeight = (cellWidth * figure.panelAspect).rounded()
    var canvas = Drawing(width: figure.width.points, height: cellHeight * Double(figure.rows))
    draw(figure, cellWidth: cellWidth, cellHeight: cellHeight, on: &canvas)
    return canvas
  }

  /// Draws `figure` on any canvas, cells `cellWidth` × `cellHeight` points.
  public func draw(
    _ figure: Figure, cellWidth: Double, cellHeight: Double, on canvas: inout some Canvas
  ) {
    var plans = self.plans(
      Self.sharingOneLegend(figure), cellWidth: cellWidth, cellHeight: cellHeight)
    var margins = gridMargins(
      plans, figure: figure, cellWidth: cellWidth, cellHeight: cellHeight, on: canvas)
    // A `.best` legend that would cover data inside moves outside, and the margins follow.
    var moved = false
    for index in plans.indices where plans[index].panel.legend == .best {
      let painter = painter(
        plans[index], index: index, figure: figure, margins: margins,
        cellWidth: cellWidth, cellHeight: cellHeight)
      guard let legend = painter.legend else { continue }
      let (_, covered) = legend.bestInsidePosition(
        in: painter.plot, avoiding: painter.obstacles(on: canvas), on: canvas)
      // Outside only when the plot keeps most of its width; a crowded small panel keeps the
      // legend inside where it covers least.
      if covered > 0
        && legendWidth(plans[index], forcedOutside: true, on: canvas) < 0.35 * cellWidth
      {
        plans[index].legendOutside = true
        moved = true
      }
    }
    if moved {
      margins = gridMargins(
        plans, figure: figure, cellWidth: cellWidth, cellHeight: cellHeight, on: canvas)
    }
    for index in plans.indices {
      painter(
        plans[index], index: index, figure: figure, margins: margins,
        cellWidth: cellWidth, cellHeight: cellHeight
      ).draw(on: &canvas)
    }
  }

  // MARK: - Planning

  private func plans(_ figure: Figure, cellWidth: Double, cellHeight: Double) -> [PanelPlan] {
    let labelled = figure.panels.count > 1
    return figure.panels.enumerated().map { index, panel in
      let row = index / figure.columns
      let column = index % figure.columns
      let xValues =
        figure.sharedX
        ? figure.panels.enumerated().filter { $0.offset % figure.columns == column }
          .flatMap { xData($0.element) }
        : xData(panel)
      let yValues =
        figure.sharedY
        ? figure.panels.enumerated().filter { $0.offset / figure.columns == row }
          .flatMap { yData($0.element, .primary) }
        : yData(panel, .primary)
      let lastRowInColumn = (figure.panels.count - 1 - column) / figure.columns
      return PanelPlan(
        panel: panel,
        x: ResolvedAxis.resolve(panel.x, values: xValues, lengthPoints: cellWidth - 50),
        y: ResolvedAxis.resolve(panel.y, values: yValues, lengthPoints: cellHeight - 40),
        secondaryY: panel.secondaryY.map {
          ResolvedAxis.resolve($0, values: yData(panel, .secondary), lengthPoints: cellHeight - 40)
        },
        showsXLabels: !figure.sharedX || row == lastRowInColumn,
        showsYLabels: !figure.sharedY || column == 0,
        label: labelled ? "(\(String(UnicodeScalar(UInt8(97 + index % 26)))))" : nil,
        legendOutside: panel.legend == .outside)
    }
  }

  private func xData(_ panel: Panel) -> [Double] {
    var values = panel.series.flatMap(\.x)
    for annotation in panel.annotations {
      if case .verticalLine(let x, _) = annotation { values.append(x) }
    }
    return values
  }

  private func yData(_ panel: Panel, _ side: AxisSide) -> [Double] {
    var values: [Double] = []
    for series in panel.series where series.axis == side {
      values += series.y
      if let errors = series.yErrors {
        values += zip(series.y, errors).flatMap { [$0 - $1, $0 + $1] }
      }
      if let band = series.band { values += band.lower + band.upper }
    }
    return values
  }

  // MARK: - Layout

  /// Margins per panel: the widest left and right in each column, the tallest top and bottom
  /// in each row, so that plot areas line up.
  private func gridMargins(
    _ plans: [PanelPlan], figure: Figure, cellWidth: Double, cellHeight: Double,
    on canvas: some Canvas
  ) -> [Margins] {
    let own = plans.map { plan -> Margins in
      let legendWidth = legendWidth(plan, on: canvas)
      return plan.margins(
        on: canvas, style: style, legendWidth: legendWidth, cellWidth: cellWidth,
        cellHeight: cellHeight)
    }
    return own.indices.map { index in
      let column = index % figure.columns
      let row = index / figure.columns
      let sameColumn = own.indices.filter { $0 % figure.columns == column }.map { own[$0] }
      let sameRow = own.indices.filter { $0 / figure.columns == row }.map { own[$0] }
      return Margins(
        left: sameColumn.map(\.left).max() ?? 0, right: sameColumn.map(\.right).max() ?? 0,
        top: sameRow.map(\.top).max() ?? 0, bottom: sameRow.map(\.bottom).max() ?? 0)
    }
  }

  /// Panels that would repeat the same legend show it once, in the first panel.
  static func sharingOneLegend(_ figure: Figure) -> Figure {
    guard figure.panels.count > 1 else { return figure }
    let entries = figure.panels.map { $0.series.compactMap(\.name) }
    guard let first = entries.first, !first.isEmpty, entries.allSatisfy({ $0 == first }) else {
      return figure
    }
    var copy = figure
    for index in copy.panels.indices.dropFirst() { copy.panels[index].legend = .none }
    return copy
  }

  private func legendWidth(
    _ plan: PanelPlan, forcedOutside: Bool = false, on canvas: some Canvas
  ) -> Double {
    guard plan.legendOutside || forcedOutside else { return 0 }
    return Legend.of(plan.panel, style: style)?.size(on: canvas).width ?? 0
  }

  // swift-format-ignore: FunctionParameterCount
  private func painter(
    _ plan: PanelPlan, index: Int, figure: Figure, margins: [Margins], cellWidth: Double,
    cellHeight: Double
  ) -> PanelPainter {
    let cell = Rect(
      x: Double(index % figure.columns) * cellWidth, y: Double(index / figure.columns) * cellHeight,
      width: cellWidth, height: cellHeight)
    let margin = margins[index]
    let plot = Rect(
      x: (cell.x + margin.left).rounded(), y: (cell.y + margin.top).rounded(),
      width: (cellWidth - margin.left - margin.right).rounded(),
      height: (cellHeight - margin.top - margin.bottom).rounded())
    return PanelPainter(plan: plan, plot: plot, cell: cell, style: style)
  }
}
