package org.omnitill.payment.giftcard.internal;

import javax.sql.DataSource;

/** The ledger on H2 2.2 in memory, the platform's default database. */
class H2LedgerTest extends LedgerContractTest {

    private final DataSource dataSource = TestDatabases.h2();

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
