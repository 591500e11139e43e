import Reports
import Testing

@Suite struct MarkdownTests {
  @Test func rendersTables() {
    let html = Markdown.html("| N/P | Capacity |\n|---|---:|\n| 0.8 | 3.1 |\n")
    #expect(html.contains("<table>"))
    #expect(html.contains("<th align=\"right\">Capacity</th>"))
    #expect(html.contains("<td>0.8</td>"))
  }

  @Test func rendersStrikethroughAndAutolinks() {
    let html = Markdown.html("~~old~~ see https://example.org/paper")
    #expect(html.contains("<del>old</del>"))
    #expect(html.contains("<a href=\"https://example.org/paper\">https://example.org/paper</a>"))
  }

  @Test func rendersFootnotes() {
    let html = Markdown.html("Capacity falls.[^1]\n\n[^1]: Table 1 of the paper.\n")
    #expect(html.contains("<section class=\"footnotes\""))
    #expect(html.contains("Table 1 of the paper."))
    #expect(html.contains("href=\"#fn-1\""))
  }

  @Test func dropsRawHTMLUnlessAllowed() {
    let source = "<figure id=\"f1\"></figure>\n\ntext"
    #expect(!Markdown.html(source).contains("<figure"))
    #expect(Markdown.html(source, allowRawHTML: true).contains("<figure id=\"f1\">"))
  }

  @Test func filtersScriptTagsEvenWhenRawHTMLIsAllowed() {
    let html = Markdown.html("<script>alert(1)</script>\n", allowRawHTML: true)
    #expect(!html.contains("<script>"))
  }

  @Test func rendersNonASCIIText() {
    #expect(Markdown.html("Li⁺ in mA cm⁻²").contains("Li⁺ in mA cm⁻²"))
  }
}

@Suite struct MarkdownConcurrencyTests {
  @Test func concurrentRendersAllGetTheExtensions() async {
    let results = await withTaskGroup(of: Bool.self) { group in
      for _ in 0..<32 {
        group.addTask { Markdown.html("see https://example.org and ~~this~~").contains("<a href=") }
      }
      var all: [Bool] = []
      for await result in group { all.append(result) }
      return all
    }
    #expect(results.count == 32 && results.allSatisfy { $0 })
  }
}
