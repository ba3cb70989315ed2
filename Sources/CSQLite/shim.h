#include <sqlite3.h>

/// sqlite3_db_config is variadic, so Swift cannot call it directly.
static inline int csqlite_enable_defensive(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
}

/// Defensive mode refuses `PRAGMA journal_mode = OFF`; a private build file lifts it for that one pragma.
static inline int csqlite_disable_defensive(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 0, (int *)0);
}

/// Turns off SQLite's memory-usage counters, which take a global mutex on every allocation. Must run before
/// SQLite initialises (the first open); later calls return SQLITE_MISUSE and change nothing.
static inline int csqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/// 1 when defensive mode is on (a query: -1 leaves the setting as it is).
static inline int csqlite_is_defensive(sqlite3 *db) {
    int on = 0;
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, -1, &on);
    return on;
}
