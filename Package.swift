// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "partsync",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "partsync", targets: ["partsync"]),
        .executable(name: "partsync-bench", targets: ["partsync-bench"]),
        .library(name: "PartSync", targets: ["PartSync"]),
        .library(name: "PostgresClient", targets: ["PostgresClient"]),
        .library(name: "LocalPostgres", targets: ["LocalPostgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            path: "Sources/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(name: "PostgresClient", dependencies: ["CLibPQ"]),
        .target(name: "LocalPostgres"),
        // An application's writes with every acknowledged write remembered: the tests, the benchmark, the demo.
        .target(name: "Workload", dependencies: ["PostgresClient"]),
        .target(
            name: "PartSync", dependencies: ["PostgresClient", .product(name: "Logging", package: "swift-log")]),
        // `partsync demo`: the Atlas schema, its live load, the whole migration and its proofs (tested in-process).
        .target(
            name: "Demo",
            dependencies: ["PartSync", "PostgresClient", "Workload", .product(name: "Logging", package: "swift-log")]),
        .executableTarget(
            name: "partsync",
            dependencies: [
                "PartSync", "PostgresClient", "Demo", "LocalPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "partsync-bench",
            dependencies: [
                "PartSync", "PostgresClient", "LocalPostgres", "Workload", "Demo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Shared by the test targets only: one throwaway cluster per test process, a database per test.
        .target(name: "TestSupport", dependencies: ["PostgresClient", "LocalPostgres"], path: "Tests/TestSupport"),
        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient", "TestSupport"]),
        .testTarget(
            name: "PartSyncTests",
            dependencies: [
                "PartSync", "PostgresClient", "LocalPostgres", "TestSupport", "Workload", "Demo",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(name: "partsyncTests", dependencies: ["PartSync", "PostgresClient", "TestSupport", "partsync-bench"]),
    ],
    swiftLanguageModes: [.v6]
)
