// swift-tools-version:6.0
import PackageDescription

// KLU's header lives in a sub-folder of /usr/include on Debian; only the C shim that
// creates the KLU solver sees it, so no Swift target needs the path.
// The vector kernels are compiled with optimisation even in debug builds (see fastvector.c).
let suiteSparseInclude: [CSetting] = [.unsafeFlags(["-I/usr/include/suitesparse", "-O2"])]

let package = Package(
  name: "cellbook",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "cellbook", targets: ["cellbook"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
  ],
  targets: [
    // MARK: - C libraries (each imported by exactly one Swift target)
    .target(
      name: "CSundials",
      cSettings: suiteSparseInclude,
      linkerSettings: [
        .linkedLibrary("sundials_ida"),
        .linkedLibrary("sundials_nvecserial"),
        .linkedLibrary("sundials_sunmatrixsparse"),
        .linkedLibrary("sundials_sunlinsolklu"),
        .linkedLibrary("klu"),
      ]
    ),
    .systemLibrary(
      name: "CCairo",
      pkgConfig: "cairo",
      providers: [.apt(["libcairo2-dev"])]
    ),
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),

    .systemLibrary(
      name: "CZlib",
      providers: [.apt(["zlib1g-dev"])]
    ),

    // MARK: - Libraries, in dependency order
    .target(name: "StudyModel"),
    .target(
      name: "StudyLoader",
      dependencies: ["StudyModel", .product(name: "Yams", package: "Yams")]
    ),
    .target(name: "Electrochem", dependencies: ["StudyModel"]),
    .target(name: "DAESolver", dependencies: ["CSundials"]),
    .target(
      name: "Engine",
      dependencies: [
        "StudyModel", "Electrochem", "DAESolver",
      ]
    ),
    .target(name: "Analysis", dependencies: ["StudyModel", "Electrochem", "Engine"]),
    .target(name: "Figures", dependencies: ["CCairo"]),
    .target(name: "Gzip", dependencies: ["CZlib"]),
    .target(
      name: "Reports",
      dependencies: [
        "StudyModel", "Electrochem", "Analysis", "CCmarkGFM",
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    .target(
      name: "Planning",
      dependencies: [
        "StudyModel", "Electrochem", "Engine", "Analysis", "Gzip",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(name: "Review", dependencies: ["StudyModel", "Reports"]),
    .target(name: "SiteCheck", dependencies: ["StudyModel"]),
    .target(
      name: "Pipeline",
      dependencies: [
        "StudyModel", "StudyLoader", "Analysis", "Planning", "Figures", "Reports", "Review",
      ]
    ),
    .target(
      name: "Commands",
      dependencies: ["StudyModel", "StudyLoader", "Electrochem", "Engine", "Analysis", "Planning"]
    ),
    .executableTarget(
      name: "cellbook",
      dependencies: [
        "Pipeline", "Commands", "Review", "SiteCheck", "StudyLoader", "StudyModel", "Electrochem",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "TestSupport", dependencies: ["StudyModel"], path: "Tests/TestSupport"),

    // MARK: - Tests
    .testTarget(name: "DAESolverTests", dependencies: ["DAESolver", "TestSupport"]),
    .testTarget(
      name: "EngineTests",
      dependencies: [
        "Engine", "Analysis", "Electrochem", "DAESolver", "StudyModel", "StudyLoader",
        "TestSupport",
      ],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "StudyModel", "TestSupport"]),
    .testTarget(
      name: "StudyLoaderTests", dependencies: ["StudyLoader", "StudyModel", "TestSupport"],
      exclude: ["Snapshots", "Fixtures"]),
    .testTarget(
      name: "FiguresTests", dependencies: ["Figures", "TestSupport"], exclude: ["Snapshots"]),
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "StudyModel", "TestSupport"]),
    .testTarget(
      name: "PipelineTests",
      dependencies: [
        "Pipeline", "Planning", "Review", "SiteCheck", "StudyLoader", "StudyModel", "TestSupport",
      ],
      exclude: ["Snapshots"]),
    .testTarget(
      name: "PlanningTests",
      dependencies: ["Planning", "StudyLoader", "StudyModel", "Electrochem", "TestSupport"]),
    .testTarget(
      name: "CommandsTests",
      dependencies: ["Commands", "StudyLoader", "StudyModel", "Electrochem", "TestSupport"],
      exclude: ["Snapshots"]),
  ],
  swiftLanguageModes: [.v6]
)
