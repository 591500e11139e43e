import CCairo

/// Renders `Drawing`s with Cairo; the only code in the package that sees Cairo.
enum CairoRenderer {
  /// The font family every figure uses, from the `fonts-dejavu-core` package.
  static let fontFamily = "DejaVu Sans"

  /// The bytes of `drawing` in `format`.
  static func render(_ drawing: Drawing, format: FigureFormat) throws(FigureError) -> [UInt8] {
    let sink = ByteSink()
    let closure = Unmanaged.passUnretained(sink).toOpaque()
    switch format {
    case .svg:
      let surface = cairo_svg_surface_create_for_stream(
        writeEntry, closure, drawing.width, drawing.height)
      try paintAndFinish(drawing, surface: surface, scale: 1)
      return SVGIdentifiers.normalize(sink.bytes)
    case .pdf:
      let surface = cairo_pdf_surface_create_for_stream(
        writeEntry, closure, drawing.width, drawing.height)
      // Cairo stamps the current time unless told otherwise; a fixed date keeps PDFs
      // byte-identical from run to run.
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, fixedDate)
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Cellbook")
      try paintAndFinish(drawing, surface: surface, scale: 1)
    case .png(let pixelsPerPoint):
      let surface = cairo_image_surface_create(
        CAIRO_FORMAT_ARGB32, Int32((drawing.width * pixelsPerPoint).rounded()),
        Int32((drawing.height * pixelsPerPoint).rounded()))
      defer { cairo_surface_destroy(surface) }
      try paint(drawing, on: surface, scale: pixelsPerPoint)
      try check(cairo_surface_write_to_png_stream(surface, writeEntry, closure), "write PNG")
    }
    return sink.bytes
  }

  private static let fixedDate = "2000-01-01T00:00:00Z"

  private static func paintAndFinish(
    _ drawing: Drawing, surface: OpaquePointer?, scale: Double
  ) throws(FigureError) {
    defer { cairo_surface_destroy(surface) }
    try paint(drawing, on: surface, scale: scale)
    cairo_surface_finish(surface)
    try check(cairo_surface_status(surface), "cairo_surface_finish")
  }

  private static func paint(
    _ drawing: Drawing, on surface: OpaquePointer?, scale: Double
  ) throws(FigureError) {
    try check(cairo_surface_status(surface), "create surface")
    let context = cairo_create(surface)
    defer { cairo_destroy(context) }
    cairo_scale(context, scale, scale)
    cairo_set_source_rgb(context, 1, 1, 1)
    cairo_paint(context)
    for command in drawing.commands { draw(command, in: context) }
    try check(cairo_status(context), "draw")
  }

  private static func draw(_ command: DrawCommand, in context: OpaquePointer?) {
    switch command {
    case .polyline(let points, let color, let width, let dash):
      trace(points, in: context)
      setColor(color, in: context)
      cairo_set_line_width(context, width)
      cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
      cairo_set_line_cap(context, dash.isEmpty ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
      cairo_set_dash(context, dash, Int32(dash.count), 0)
      cairo_stroke(context)
    case .polygon(let points, let color):
      trace(points, in: context)
      cairo_close_path(context)
      setColor(color, in: context)
      cairo_fill(context)
    case .rectangle(let origin, let width, let height, let color):
      cairo_rectangle(context, origin.x, origin.y, width, height)
      setColor(color, in: context)
      cairo_fill(context)
    case .text(let string, let at, let size, let color, let anchor, let bold, let angle):
      drawText(
        string, at: at, size: size, color: color, anchor: anchor, bold: bold, angle: angle,
        in: context)
    case .marker(let shape, let at, let size, let stroke, let fill, let width):
      drawMarker(shape, at: at, size: size, stroke: stroke, fill: fill, width: width, in: context)
    case .clip(let origin, let width, let height):
      cairo_reset_clip(context)
      cairo_rectangle(context, origin.x, origin.y, width, height)
      cairo_clip(context)
    case .resetClip:
      cairo_reset_clip(context)
    }
  }

  // swift-format-ignore: FunctionParameterCount
  private static func drawMarker(
    _ shape: MarkerShape, at: Point, size: Double, stroke: Color, fill: Color?, width: Double,
    in context: OpaquePointer?
  ) {
    cairo_set_dash(context, nil, 0, 0)
    cairo_set_line_width(context, width)
    cairo_set_line_join(context, CAIRO_LINE_JOIN_MITER)
    cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
    let outline = shape.outline(center: at, size: size)
    if !outline.isEmpty {
      trace(outline, in: context)
      cairo_close_path(context)
      if let fill {
        setColor(fill, in: context)
        cairo_fill_preserve(context)
      }
      setColor(stroke, in: context)
      cairo_stroke(context)
    }
    for segment in shape.strokes(center: at, size: size) {
      trace(segment, in: context)
      setColor(stroke, in: context)
      cairo_stroke(context)
    }
  }

  private static func trace(_ points: [Point], in context: OpaquePointer?) {
    guard let first = points.first else { return }
    cairo_new_path(context)
    cairo_move_to(context, first.x, first.y)
    for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
  }

  private static func setColor(_ color: Color, in context: OpaquePointer?) {
    cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
  }

  private static func selectFont(size: Double, bold: Bool, in context: OpaquePointer?) {
    cairo_select_font_face(
      context, fontFamily, CAIRO_FONT_SLANT_NORMAL,
      bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(context, size)
  }

  // swift-format-ignore: FunctionParameterCount
  private static func drawText(
    _ string: String, at: Point, size: Double, color: Color, anchor: TextAnchor, bold: Bool,
    angle: Double, in context: OpaquePointer?
  ) {
    selectFont(size: size, bold: bold, in: context)
    var extents = cairo_text_extents_t()
    cairo_text_extents(context, string, &extents)
    let shift: Double
    switch anchor {
    case .start: shift = 0
    case .middle: shift = extents.x_advance / 2
    case .end: shift = extents.x_advance
    }
    cairo_save(context)
    cairo_translate(context, at.x, at.y)
    cairo_rotate(context, -angle * Double.pi / 180)
    cairo_move_to(context, -shift, 0)
    setColor(color, in: context)
    cairo_show_text(context, string)
    cairo_restore(context)
  }

  /// The advance width and height above/below the baseline of `string` at `size` points.
  static func measure(_ string: String, size: Double, bold: Bool) -> TextExtent {
    let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)
    defer { cairo_surface_destroy(surface) }
    let context = cairo_create(surface)
    defer { cairo_destroy(context) }
    selectFont(size: size, bold: bold, in: context)
    var extents = cairo_text_extents_t()
    cairo_text_extents(context, string, &extents)
    var font = cairo_font_extents_t()
    cairo_font_extents(context, &font)
    return TextExtent(width: extents.x_advance, ascent: font.ascent, descent: font.descent)
  }

  /// The one place a Cairo status becomes a `FigureError`.
  private static func check(_ status: cairo_status_t, _ call: String) throws(FigureError) {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw FigureError(call: call, message: String(cString: cairo_status_to_string(status)))
  }
}

/// Collects the bytes Cairo writes to a stream.
private final class ByteSink {
  var bytes: [UInt8] = []
}

private func writeEntry(
  _ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32
) -> cairo_status_t {
  guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
  let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
  sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
  return CAIRO_STATUS_SUCCESS
}
