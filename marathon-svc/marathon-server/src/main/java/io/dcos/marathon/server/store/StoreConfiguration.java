package io.dcos.marathon.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dcos.marathon.server.config.StoreProperties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The PostgreSQL pool; Flyway migrates it at startup (Spring Boot's Flyway support). */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {
  @Bean(destroyMethod = "close")
  DataSource dataSource(StoreProperties props) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(props.jdbcUrl());
    config.setUsername(props.user());
    config.setPassword(props.password());
    config.setMaximumPoolSize(props.maxPoolSize());
    config.setPoolName("marathon-store");
    return new HikariDataSource(config);
  }
}
