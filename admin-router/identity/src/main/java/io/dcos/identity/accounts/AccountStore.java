package io.dcos.identity.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in PostgreSQL. */
@Repository
public class AccountStore {
  private final JdbcClient jdbc;

  public AccountStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts {@code account}; false when its uid is taken. */
  public boolean insert(Account account) {
    return jdbc.sql(
                """
                insert into accounts (uid, description, password_hash, public_key, superuser, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict (uid) do nothing
                """)
            .params(
                account.uid(),
                account.description(),
                account.passwordHash(),
                account.publicKeyPem(),
                account.superuser(),
                Timestamp.from(account.createdAt()))
            .update()
        == 1;
  }

  public Optional<Account> find(String uid) {
    return jdbc.sql("select * from accounts where uid = ?").param(uid).query(this::row).optional();
  }

  public List<Account> list(boolean services) {
    return jdbc.sql("select * from accounts where (public_key is not null) = ? order by uid")
        .param(services)
        .query(this::row)
        .list();
  }

  public boolean isEmpty() {
    return jdbc.sql("select count(*) from accounts").query(Long.class).single() == 0;
  }

  /** Writes the mutable fields of {@code account}; false when it no longer exists. */
  public boolean update(Account account) {
    return jdbc.sql(
                """
                update accounts set description = ?, password_hash = ?, public_key = ?, superuser = ?
                where uid = ?
                """)
            .params(
                account.description(),
                account.passwordHash(),
                account.publicKeyPem(),
                account.superuser(),
                account.uid())
            .update()
        == 1;
  }

  public boolean delete(String uid) {
    return jdbc.sql("delete from accounts where uid = ?").param(uid).update() == 1;
  }

  private Account row(ResultSet rs, int n) throws SQLException {
    return new Account(
        rs.getString("uid"),
        rs.getString("description"),
        rs.getString("password_hash"),
        rs.getString("public_key"),
        rs.getBoolean("superuser"),
        rs.getTimestamp("created_at").toInstant());
  }
}
