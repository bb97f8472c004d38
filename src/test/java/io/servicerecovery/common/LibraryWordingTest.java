package io.servicerecovery.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;

/**
 * Drives the real libraries into the failures that {@link LibraryWording} recognises by their words: when a
 * release rewords one, this fails here, before a 503 or a 400 turns back into a 500 in production.
 */
class LibraryWordingTest {

    @Test
    void agroalSaysSoWhenEveryConnectionIsInUse() throws Exception {
        try (AgroalDataSource pool = pool(1, "jdbc:h2:mem:wording-busy", null);
                Connection held = pool.getConnection()) {
            Throwable timeout = catchThrowable(pool::getConnection);
            assertThat(timeout).isInstanceOf(SQLException.class);
            assertThat(LibraryWording.agroalAcquisitionTimeout(timeout)).as(timeout.toString()).isTrue();
            assertThat(DatabaseOutage.causedBy(timeout)).isTrue();
        }
    }

    @Test
    void agroalSaysSoWhenOpeningAConnectionTakesTooLong() throws Exception {
        try (AgroalDataSource pool = pool(1, "jdbc:hanging:", HangingDriver.class)) {
            Throwable timeout = catchThrowable(pool::getConnection);
            assertThat(timeout).isInstanceOf(SQLException.class);
            assertThat(LibraryWording.agroalAcquisitionTimeout(timeout)).as(timeout.toString()).isTrue();
        }
    }

    @Test
    void otherPoolFailuresAreNotAnAcquisitionTimeout() {
        assertThat(LibraryWording.agroalAcquisitionTimeout(new SQLException("Acquisition timeout", "23505")))
                .isFalse();
        assertThat(LibraryWording.agroalAcquisitionTimeout(new SQLException("Something else"))).isFalse();
    }

    @Test
    void jacksonNamesTheRepeatedKey() {
        ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonProcessingException e = jsonFailure(mapper, "{\"a\": {\"b\": 1, \"b\": 2}}");
        assertThat(LibraryWording.jacksonDuplicateKey(e.getOriginalMessage())).isEqualTo("b");
    }

    @Test
    void jacksonSaysSoWhenTextFollowsTheDocument() {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        assertThat(LibraryWording.jacksonTrailingToken(jsonFailure(mapper, "{} {}").getOriginalMessage())).isTrue();
    }

    @Test
    void jacksonSaysSoForInvalidUtf8() {
        JsonProcessingException e = catchJson(() -> new ObjectMapper().readTree(
                new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }));
        assertThat(LibraryWording.jacksonInvalidUtf8(e.getOriginalMessage())).as(e.getOriginalMessage()).isTrue();
    }

    @Test
    void jacksonSaysSoForNaN() {
        JsonProcessingException e = jsonFailure(new ObjectMapper(), "{\"a\": NaN}");
        assertThat(LibraryWording.jacksonNonStandardNumber(e.getOriginalMessage())).isTrue();
    }

    @Test
    void wellFormedButWrongJsonIsNoneOfThese() {
        String message = jsonFailure(new ObjectMapper(), "{\"a\": tru}").getOriginalMessage();
        assertThat(LibraryWording.jacksonDuplicateKey(message)).isNull();
        assertThat(LibraryWording.jacksonTrailingToken(message)).isFalse();
        assertThat(LibraryWording.jacksonInvalidUtf8(message)).isFalse();
        assertThat(LibraryWording.jacksonNonStandardNumber(message)).isFalse();
    }

    private static JsonProcessingException jsonFailure(ObjectMapper mapper, String json) {
        return catchJson(() -> mapper.readValue(json, JsonNode.class));
    }

    private interface JsonRead {
        Object read() throws Exception;
    }

    private static JsonProcessingException catchJson(JsonRead read) {
        Throwable failure = catchThrowable(read::read);
        assertThat(failure).isInstanceOf(JsonProcessingException.class);
        return (JsonProcessingException) failure;
    }

    private static AgroalDataSource pool(int size, String url, Class<?> driver) throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(cp -> cp.maxSize(size).acquisitionTimeout(Duration.ofMillis(300))
                        .connectionFactoryConfiguration(cf -> {
                            cf.jdbcUrl(url);
                            if (driver != null) {
                                cf.connectionProviderClass(driver);
                            }
                            return cf;
                        })));
    }

    /** A database that never answers: opening a connection outlasts any acquisition timeout. */
    public static class HangingDriver implements Driver {
        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("gave up");
        }

        @Override
        public boolean acceptsURL(String url) {
            return url.startsWith("jdbc:hanging:");
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }
    }
}
