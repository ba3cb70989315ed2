#include <sqlite3.h>

/// sqlite3_db_config is variadic, so Swift cannot call it directly.
static inline int csqlite_enable_defensive(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
}

/// Turns off SQLite's memory-usage counters, which take a global mutex on every allocation. Must run before
/// SQLite initialises (the first open); later calls return SQLITE_MISUSE and change nothing.
static inline int csqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
