public enum PartSyncVersion { public static let current = "0.1.0" }
