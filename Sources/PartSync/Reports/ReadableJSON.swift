import Foundation

extension JSONEncoder {
    /// How partsync writes JSON for people and tools (`--json`, reports, manifests): indented, keys sorted, so
    /// two runs diff line by line.
    public static func readable() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }
}
