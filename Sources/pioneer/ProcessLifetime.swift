/// Large values a command hands to the operating system instead of destroying them.
///
/// A command such as `check` builds its assessor (the phrase matcher, every rule table, the compiled
/// rules: tens of thousands of allocations) once and uses it until it has written its output; the
/// process then exits. Freeing that storage one allocation at a time just before the exit frees it all
/// anyway is pure cost (like a compiler's `-disable-free`), so the command keeps such a value here and
/// its last release at the end of the command only drops a reference count.
///
/// Only for values built once per process run by the CLI, never in a loop: what is kept is not freed
/// until the process ends.
enum ProcessLifetime {
    /// Keeps `value` (and everything it references) alive until the process exits.
    static func keepUntilExit(_ value: Any) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    /// The box that holds a kept value; retained once and never released.
    private final class Kept {
        let value: Any

        init(_ value: Any) {
            self.value = value
        }
    }
}
