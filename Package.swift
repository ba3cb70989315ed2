// swift-tools-version:6.0
import PackageDescription

/// Each library module with what it may import (DESIGN.md, "Modules"): dependencies point down only.
let modules: [(name: String, dependencies: [Target.Dependency])] = [
    ("JSONDocument", []),
    ("Messaging", ["JSONDocument"]),
    ("Sampling", []),
    ("EventLog", ["Messaging"]),
    ("FlowEngine", ["JSONDocument", "Messaging"]),
    ("Population", ["JSONDocument", "Messaging", "Sampling"]),
    ("Simulation", ["JSONDocument", "Messaging", "FlowEngine", "Population", "Sampling", "EventLog"]),
    ("Store", ["CSQLite", "EventLog", "Messaging"]),
    ("Ingest", ["JSONDocument", "Store", "EventLog", "Messaging"]),
    ("Analytics", ["Store", "EventLog", "Messaging", "Sampling"]),
    ("Reports", ["Analytics"]),
    (
        "ReplyLabCLI",
        [
            "JSONDocument", "Messaging", "Sampling", "EventLog", "FlowEngine", "Population", "Simulation", "Store",
            "Ingest", "Analytics", "Reports",
        ]
    ),
]

/// Modules that have code and tests today; the others are declared so the layering is fixed from day one.
let testedModules = [
    "JSONDocument", "Messaging", "Sampling", "EventLog", "FlowEngine", "Population", "Simulation", "Store", "Ingest",
    "Analytics",
    "Reports", "ReplyLabCLI",
]

/// Test folders that hold data files read through `#filePath`, not sources or bundle resources.
let testFixtures: [String: [String]] = [
    "FlowEngine": ["Fixtures"], "Ingest": ["Fixtures"], "Simulation": ["Fixtures"],
]

/// Modules a test target imports besides the one it tests (FlowEngine's tests build `JSONValue` contacts).
let testDependencies: [String: [Target.Dependency]] = [
    "FlowEngine": ["JSONDocument"], "Simulation": ["Sampling"], "Ingest": ["EventLog", "Store", "Messaging"],
    "Analytics": ["Sampling", "Store", "EventLog", "Messaging"], "Reports": ["Analytics", "EventLog", "Store"],
    "ReplyLabCLI": ["EventLog", "Store", "Analytics"],
]

/// `Double.rounded()` and friends need libm when a module imports neither Foundation nor Glibc.
let libm: [LinkerSetting] = [.linkedLibrary("m")]

let package = Package(
    name: "ReplyLab",
    products: [
        .executable(name: "replylab", targets: ["replylab"]),
        .executable(name: "replylab-bench", targets: ["replylab-bench"]),
    ],
    targets: [
        // The system SQLite through pkg-config; the module map names the header and the library.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .executableTarget(name: "replylab", dependencies: ["ReplyLabCLI"], linkerSettings: libm),
        .executableTarget(
            name: "replylab-bench",
            dependencies: [
                "CSQLite", "Messaging", "Sampling", "EventLog", "FlowEngine", "Population", "Simulation", "Store",
                "Ingest", "Analytics", "Reports",
            ],
            linkerSettings: libm
        ),
    ]
        + modules.map { .target(name: $0.name, dependencies: $0.dependencies, linkerSettings: libm) }
        + testedModules.map {
            .testTarget(
                name: "\($0)Tests",
                dependencies: [.target(name: $0)] + (testDependencies[$0] ?? []),
                exclude: testFixtures[$0] ?? []
            )
        },
    swiftLanguageModes: [.v6]
)
