// swift-tools-version:6.2
// Jiefen (解纷): a ttrpc case-handling server for a town petition and dispute office.
// Layers (architecture.md section 8): C → wire types → framing → RPC core; domain → plugins;
// they meet only in the service layer and the executables.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    // An import is internal unless it says `public import` (or `package import`): what a module exposes is explicit.
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// Built-in dispute plugins: one folder each under `Plugins/` (runtime plugins, not SwiftPM package plugins).
let disputePlugins = ["HousingDelivery", "LandLeaseArrears", "AgriculturalClaim", "GeneralMatter"]

func disputePlugin(_ name: String) -> [Target] {
    [
        .target(
            name: "\(name)Plugin",
            dependencies: ["JiefenDomain"],
            path: "Plugins/\(name)/Sources",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "\(name)PluginTests",
            dependencies: [.target(name: "\(name)Plugin"), "JiefenDomain", "JiefenDomainTesting"],
            path: "Plugins/\(name)/Tests",
            swiftSettings: swiftSettings
        ),
    ]
}

let nio: Target.Dependency = .product(name: "NIOCore", package: "swift-nio")
let nioPosix: Target.Dependency = .product(name: "NIOPosix", package: "swift-nio")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let lifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

let package = Package(
    name: "Jiefen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "jiefend", targets: ["jiefend"]),
        .executable(name: "jiefen", targets: ["jiefen"]),
        // The ttrpc core on its own (framing, envelope/status/health codec, server, client, router, streaming), free
        // of jiefen.v1: for any Swift project that speaks ttrpc. See README.md, "Using the ttrpc library".
        .library(name: "TTRPC", targets: ["TTRPCCore", "TTRPCWire", "TTRPCFraming"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        // Pre-1.0: pinned to its minor version, where SemVer allows breaking changes.
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", .upToNextMinor(from: "0.2.0")),
    ],
    targets: [
        // L0/L1: C.
        .systemLibrary(
            name: "CProtobufC",
            pkgConfig: "libprotobuf-c",
            providers: [.apt(["libprotobuf-c-dev"])]
        ),
        // The protobuf-c output of proto/ttrpc (ttrpc envelope, grpc.health.v1) and of proto/jiefen (jiefen.v1).
        .target(name: "CTTRPCProto", dependencies: ["CProtobufC"]),
        .target(name: "CJiefenProto", dependencies: ["CProtobufC"]),
        // L2: the ttrpc wire (envelope, status and health codec over CTTRPCProto; the budgeted protobuf-c unpack,
        // nesting scan, string checks and encode arena the generated jiefen.v1 code also uses) and framing.
        .target(name: "TTRPCWire", dependencies: ["CTTRPCProto", "CProtobufC", nio], swiftSettings: swiftSettings),
        .target(name: "TTRPCFraming", dependencies: [nio], swiftSettings: swiftSettings),
        // Test tools: hand-built hostile protobuf bytes, and a dynamic (descriptor-driven) codec that lets tests and
        // fuzz seeds change any field of any message by number (ProtoMessage, ProtoCodec).
        .target(
            name: "JiefenWireTesting", dependencies: ["TTRPCWire", "CJiefenProto", "CTTRPCProto", "CProtobufC", nio],
            swiftSettings: swiftSettings),
        // L3: the RPC core (server, client, routing, deadlines, status).
        .target(
            name: "TTRPCCore",
            dependencies: ["TTRPCFraming", "TTRPCWire", nio, nioPosix, logging, lifecycle],
            swiftSettings: swiftSettings
        ),
        // The jiefen.v1 API messages as Swift values, shared by server and client.
        // Its message types and method descriptors are generated (Sources/JiefenAPI/Generated, by jiefen-codegen);
        // they read and write the protobuf-c structs directly through TTRPCWire's budgeted unpack and arena.
        .target(
            name: "JiefenAPI",
            dependencies: ["TTRPCWire", "CJiefenProto", "CProtobufC", "TTRPCCore", nio],
            swiftSettings: swiftSettings
        ),
        // The generator of JiefenAPI/Generated: reads protoc's descriptor set (no dependencies; scripts/generate-protos.sh).
        .executableTarget(name: "jiefen-codegen", swiftSettings: swiftSettings),
        // Domain: no NIO, no C, no database.
        .target(name: "JiefenDomain", swiftSettings: swiftSettings),
        .target(name: "JiefenDomainTesting", dependencies: ["JiefenDomain"], swiftSettings: swiftSettings),
        // Storage: the interface (no driver) and one module per backend.
        .target(name: "JiefenStore", swiftSettings: swiftSettings),
        .target(
            name: "JiefenSQLiteStore",
            dependencies: ["JiefenStore", .product(name: "SQLiteNIO", package: "sqlite-nio"), nio, logging],
            swiftSettings: swiftSettings
        ),
        .target(name: "JiefenStoreTesting", dependencies: ["JiefenStore"], swiftSettings: swiftSettings),
        // Services: where the transport stack and the domain stack meet.
        .target(
            name: "JiefenServices",
            dependencies: ["TTRPCCore", "TTRPCWire", "JiefenAPI", "JiefenDomain", "JiefenStore", nio, logging],
            swiftSettings: swiftSettings
        ),
        // The dispute kinds compiled into jiefend (and its tests): one list.
        .target(
            name: "JiefenBuiltInPlugins",
            dependencies: ["JiefenDomain"] + disputePlugins.map { .target(name: "\($0)Plugin") },
            swiftSettings: swiftSettings
        ),
        // A jiefend-equivalent server on a temporary directory and Unix socket, for the test targets.
        .target(
            name: "JiefenServerTesting",
            dependencies: ["JiefenServices", "JiefenSQLiteStore", "JiefenBuiltInPlugins", "TTRPCCore", logging],
            swiftSettings: swiftSettings
        ),
        // The statistics report as terminal table, CSV and offline HTML (the `jiefen report` renderers).
        .target(name: "JiefenReportRendering", dependencies: ["JiefenAPI", "JiefenDomain"], swiftSettings: swiftSettings),
        // The load generator behind `jiefen load`: closed-loop runner, workloads, latency statistics, reports.
        .target(
            name: "JiefenLoad",
            dependencies: ["TTRPCCore", "TTRPCWire", "JiefenAPI", nio, .product(name: "Histogram", package: "hdrhistogram-swift")],
            swiftSettings: swiftSettings
        ),
        // The Tongyang year (domain.md E): its plan, the driver that sends it through the RPC API, its replay workload.
        .target(
            name: "JiefenScenario",
            dependencies: [
                "JiefenLoad", "TTRPCCore", "TTRPCWire", "JiefenAPI", "JiefenDomain", nio,
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // L5: executables, thin composition roots.
        .executableTarget(
            name: "jiefend",
            dependencies: [
                "TTRPCCore", "TTRPCWire", "JiefenServices", "JiefenSQLiteStore", "JiefenDomain", "JiefenBuiltInPlugins",
                nio, nioPosix, logging, lifecycle, argumentParser,
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "jiefen",
            dependencies: [
                "TTRPCCore", "TTRPCWire", "JiefenAPI", "JiefenDomain", "JiefenReportRendering", "JiefenLoad", "JiefenScenario",
                nio, nioPosix, logging, argumentParser,
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // Tests.
        .testTarget(name: "TTRPCWireTests", dependencies: ["TTRPCWire", "JiefenWireTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "JiefenAPITests", dependencies: ["JiefenAPI", "TTRPCWire", "JiefenWireTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TTRPCFramingTests",
            dependencies: [
                "TTRPCFraming", nio, .product(name: "NIOTestUtils", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TTRPCCoreTests",
            dependencies: [
                "TTRPCCore", "TTRPCFraming", "TTRPCWire", nio, nioPosix, logging,
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InteropTests",
            dependencies: ["TTRPCCore", "TTRPCWire", "JiefenAPI", "JiefenServices", "JiefenServerTesting", nio, logging],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JiefenSQLiteStoreTests",
            dependencies: [
                "JiefenSQLiteStore", "JiefenStore", "JiefenStoreTesting",
                .product(name: "SQLiteNIO", package: "sqlite-nio"), logging,
            ],
            swiftSettings: swiftSettings
        ),
        // Valid requests of every method: the fuzzers' seeds and the extreme-value tests' base requests.
        .target(
            name: "JiefenRequestSamples",
            dependencies: [
                "JiefenAPI", "TTRPCWire", "JiefenWireTesting", "JiefenDomain", "JiefenDomainTesting", "JiefenServices",
                "JiefenBuiltInPlugins", nio,
            ],
            path: "Tests/Fuzz/RequestSamples",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JiefenServicesTests",
            dependencies: [
                "JiefenServices", "JiefenSQLiteStore", "JiefenAPI", "JiefenDomain", "TTRPCCore", "JiefenWireTesting",
                "JiefenRequestSamples", "TTRPCWire", "JiefenServerTesting",
                "HousingDeliveryPlugin", "LandLeaseArrearsPlugin", "AgriculturalClaimPlugin", "GeneralMatterPlugin", nio, logging,
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "jiefend", "jiefen", "JiefenAPI", "JiefenDomain", "JiefenServices", "TTRPCCore", "HousingDeliveryPlugin",
                "LandLeaseArrearsPlugin", "AgriculturalClaimPlugin", nio,
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JiefenCLITests",
            dependencies: [
                "jiefen", "JiefenAPI", "JiefenDomain", "TTRPCCore", nio, logging, argumentParser,
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JiefenReportRenderingTests", dependencies: ["JiefenReportRendering", "JiefenAPI"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "JiefenLoadTests",
            dependencies: [
                "JiefenLoad", "JiefenServerTesting", "TTRPCCore", nio, .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JiefenScenarioTests",
            dependencies: ["JiefenScenario", "JiefenLoad", "JiefenAPI", "JiefenDomain", nio],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JiefenDomainTests", dependencies: ["JiefenDomain", "JiefenDomainTesting"],
            swiftSettings: swiftSettings),
    ] + disputePlugins.flatMap(disputePlugin)
)

// Fuzz targets (libFuzzer): only with JIEFEN_FUZZ set, because they link only with `-sanitize=fuzzer`.
// Build and run them with scripts/fuzz.sh; see Tests/Fuzz/README.md.
if Context.environment["JIEFEN_FUZZ"] != nil {
    let fuzzSettings = swiftSettings + [.unsafeFlags(["-parse-as-library"])]
    func fuzzTarget(_ name: String, _ folder: String, _ dependencies: [Target.Dependency]) -> Target {
        .executableTarget(
            name: name,
            dependencies: ["JiefenFuzzSupport"] + dependencies,
            path: "Tests/Fuzz/\(folder)",
            swiftSettings: fuzzSettings
        )
    }
    package.targets += [
        .target(name: "CLibFuzzer", path: "Tests/Fuzz/CLibFuzzer"),
        .target(
            name: "JiefenFuzzSupport",
            dependencies: ["CLibFuzzer", "JiefenRequestSamples", "TTRPCWire", "TTRPCFraming", nio],
            path: "Tests/Fuzz/Support",
            swiftSettings: swiftSettings
        ),
        fuzzTarget("FuzzFrameDecoder", "FrameDecoder", ["TTRPCFraming", nio]),
        fuzzTarget("FuzzEnvelope", "Envelope", ["TTRPCWire", nio]),
        fuzzTarget("FuzzAPIRequests", "APIRequests", ["JiefenAPI", "JiefenRequestSamples", "TTRPCWire", nio]),
        fuzzTarget(
            "FuzzServices", "Services",
            [
                "JiefenAPI", "JiefenDomain", "JiefenRequestSamples", "JiefenServices", "JiefenSQLiteStore", "TTRPCCore",
                nio, logging,
            ]),
    ]
}

// Benchmark executables: only with JIEFEN_BENCHMARKS set, so the default build (and CI's test build) skips them.
// scripts/bench-create.sh sets it; .ci/run builds them once so they keep compiling.
if Context.environment["JIEFEN_BENCHMARKS"] != nil {
    package.targets += [
        .executableTarget(
            name: "jiefen-bench-create",
            dependencies: [
                "TTRPCCore", "JiefenAPI", "JiefenDomain", "JiefenStore", "JiefenSQLiteStore", "JiefenServices",
                "HousingDeliveryPlugin", nio, logging,
            ],
            path: "Benchmarks/CreateThroughput",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "jiefen-bench-codec",
            dependencies: ["JiefenAPI", "CJiefenProto", "CProtobufC", nio],
            path: "Benchmarks/Codec",
            swiftSettings: swiftSettings
        ),
    ]
}
