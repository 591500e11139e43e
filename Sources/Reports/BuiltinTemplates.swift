/// The templates Cellbook ships; a file of the same name in the project's `templates/`
/// folder replaces one.
enum BuiltinTemplates {
  /// Template names and their text.
  static let all: [String: String] = [
    "page": page,
    "style.css": style,
  ]

  static let page = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="Cellbook {{version}}">
    <title>{{title}}</title>
    <link rel="stylesheet" href="{{root}}style.css">
    </head>
    <body>
    <header class="site"><a href="{{root}}index.html">Cellbook</a></header>
    <main>
    {{{body}}}
    </main>
    <footer class="site">Built by Cellbook {{version}} from the study files in this project.</footer>
    </body>
    </html>

    """

  static let style = """
    :root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fdfdfc; --muted: #5f6368; --rule: #d9d9d6; --link: #0b5cad; }
    @media (prefers-color-scheme: dark) {
      :root { --fg: #e8e8e6; --bg: #151517; --muted: #a0a4a8; --rule: #3a3a3e; --link: #7fb3f0; }
    }
    html { font-family: "DejaVu Serif", Georgia, serif; font-size: 18px; line-height: 1.55; }
    body { color: var(--fg); background: var(--bg); margin: 0; }
    main, header.site, footer.site { max-width: 46rem; margin: 0 auto; padding: 0 1.25rem; }
    header.site { padding-top: 1rem; font-family: "DejaVu Sans", sans-serif; font-weight: bold; }
    header.site a { color: var(--fg); text-decoration: none; }
    footer.site { margin-top: 3rem; padding-bottom: 2rem; color: var(--muted); font-size: 0.8rem;
      border-top: 1px solid var(--rule); padding-top: 0.75rem; }
    h1, h2, h3 { font-family: "DejaVu Sans", sans-serif; line-height: 1.25; }
    a { color: var(--link); }
    table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
    th, td { border-bottom: 1px solid var(--rule); padding: 0.3rem 0.6rem; text-align: left; }
    th[align="right"], td[align="right"] { text-align: right; font-variant-numeric: tabular-nums; }
    th[align="center"], td[align="center"] { text-align: center; }
    img, svg { max-width: 100%; height: auto; }
    figure.float { margin: 1.75rem 0; }
    figure.float img { display: block; margin: 0 auto; background: #fff; border-radius: 3px; }
    figure.float figcaption { font-size: 0.88rem; line-height: 1.45; margin-top: 0.5rem; }
    figure.float .downloads { color: var(--muted); font-size: 0.8rem; white-space: nowrap; }
    figure.float.table { overflow-x: auto; }
    figure.float.table figcaption { margin: 0 0 0.4rem; }
    figure.missing .gap { border: 1px dashed var(--rule); padding: 1rem; color: var(--muted); }
    figure.float p.gap { font-size: 0.85rem; color: var(--muted); margin: 0.4rem 0 0; }
    table { display: block; overflow-x: auto; max-width: 100%; }
    pre { overflow-x: auto; font-size: 0.85rem; }
    ul.studies { list-style: none; padding: 0; }
    li.study-card { display: flex; gap: 1.25rem; align-items: flex-start; padding: 1rem 0;
      border-bottom: 1px solid var(--rule); }
    li.study-card h2 { margin: 0 0 0.4rem; font-size: 1.2rem; }
    li.study-card p { margin: 0.3rem 0; }
    li.study-card .thumb { flex: 0 0 14rem; }
    li.study-card .thumb img { display: block; width: 100%; background: #fff;
      border-radius: 3px; border: 1px solid var(--rule); }
    p.tally { font-family: "DejaVu Sans", sans-serif; font-size: 0.85rem; color: var(--muted); }
    p.tally.all strong { color: #1a7f37; }
    @media (max-width: 600px) {
      html { font-size: 16px; }
      li.study-card { flex-direction: column; }
      li.study-card .thumb { flex: none; width: 100%; }
    }
    @media print {
      header.site, footer.site { display: none; }
      html { font-size: 11pt; }
      a { color: inherit; text-decoration: none; }
    }

    """
}
