/// The colours and markers series take in order: the Okabe–Ito palette, which stays distinct
/// for the common colour-vision deficiencies, with a distinct marker and dash per series so
/// that they also survive grey-scale printing.
public enum Palette {
  /// Okabe–Ito colours (Okabe and Ito, "Color Universal Design", 2002), black last.
  public static let colors: [Color] = [
    Color(hex: 0x0072B2),  // blue
    Color(hex: 0xD55E00),  // vermilion
    Color(hex: 0x009E73),  // bluish green
    Color(hex: 0xE69F00),  // orange
    Color(hex: 0xCC79A7),  // reddish purple
    Color(hex: 0x56B4E9),  // sky blue
    Color(hex: 0xF0E442),  // yellow
    Color(hex: 0x000000),  // black
  ]

  /// Markers in the order series take them.
  public static let markers: [MarkerShape] = [
    .circle, .square, .triangleUp, .diamond, .triangleDown, .pentagon, .plus, .cross,
  ]

  /// Dash patterns in the order series take them (solid first), in points.
  public static let dashes: [[Double]] = [[], [4, 2], [1.2, 1.6], [5, 1.5, 1.2, 1.5], [7, 2.5]]

  /// The colour of series number `index`.
  public static func color(_ index: Int) -> Color { colors[index % colors.count] }
  /// The marker of series number `index`.
  public static func marker(_ index: Int) -> MarkerShape { markers[index % markers.count] }
  /// The dash of series number `index`.
  public static func dash(_ index: Int) -> [Double] { dashes[index % dashes.count] }

  /// The grey of frames, reference lines and shaded regions.
  public static let grey = Color(hex: 0x7F7F7F)
}
