package io.servicerecovery.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The service's database, read after the run (H2: once the service has stopped and let go of the file). */
record Database(String url, String user) {

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }
}
