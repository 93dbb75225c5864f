package org.omnitill.payment.giftcard.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource that fails on demand, the way a database does in production: refusing connections, or
 * committing and then losing the reply (so the caller cannot know that the commit happened).
 */
final class FlakyDataSource implements DataSource {

    enum Mode {
        WORKING,
        /** No connection at all (server down, pool exhausted). */
        DOWN,
        /** The next commit goes through, but the caller hears that it failed (connection reset). */
        LOSE_NEXT_COMMIT_REPLY,
        /** The next commit does not happen and the caller hears that it failed. */
        FAIL_NEXT_COMMIT
    }

    private final DataSource delegate;
    private volatile Mode mode = Mode.WORKING;

    FlakyDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (mode == Mode.DOWN) {
            throw new SQLTransientConnectionException("Connection refused (test)", "08001");
        }
        Connection real = delegate.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        Mode now = mode;
                        if (now == Mode.FAIL_NEXT_COMMIT) {
                            mode = Mode.WORKING;
                            throw new SQLException("I/O error on commit (test)", "08006");
                        }
                        if (now == Mode.LOSE_NEXT_COMMIT_REPLY) {
                            mode = Mode.WORKING;
                            real.commit();
                            throw new SQLException("connection reset after commit (test)", "08006");
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
