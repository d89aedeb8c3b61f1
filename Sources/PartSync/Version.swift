// The engine; filled in by the phases.
public enum PartSyncVersion { public static let current = "0.1.0" }
