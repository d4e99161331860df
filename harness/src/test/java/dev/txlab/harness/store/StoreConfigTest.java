package dev.txlab.harness.store;

import dev.txlab.domain.service.ServiceName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreConfigTest {

    @Test
    void namesEveryDatabasePrefixUnderscoreService() {
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.POSTGRES).prefix("bench").build();
        assertThat(config.location(ServiceName.DEPOT).name()).isEqualTo("bench_depot");
        assertThat(config.location(ServiceName.DEPOT).jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:5432/bench_depot?");
        assertThat(config.location(ServiceName.DEPOT, Topology.SINGLE_DATABASE).name()).isEqualTo("bench_orders");
    }

    @Test
    void keepsH2FilesUnderTheDataDirectoryWithoutWriteDelay() {
        StoreConfig config = StoreConfig.builder().dataDir(Path.of("/tmp/x")).build();
        assertThat(config.location(ServiceName.ORDERS).jdbcUrl())
                .startsWith("jdbc:h2:file:/tmp/x/txlab/txlab_orders;").contains("WRITE_DELAY=0");
        assertThat(config.durability()).isEqualTo(Durability.PROCESS);
    }

    @Test
    void defaultsToNoDurabilityForInMemoryH2() {
        assertThat(StoreConfig.builder().allServices(StoreKind.H2_MEM).build().durability()).isEqualTo(Durability.NONE);
    }

    @Test
    void parsesAMixOfStores() {
        StoreConfig config = StoreConfig.builder().stores("orders=postgres,depot=mariadb").build();
        assertThat(config.kind(ServiceName.ORDERS)).isEqualTo(StoreKind.POSTGRES);
        assertThat(config.kind(ServiceName.DEPOT)).isEqualTo(StoreKind.MARIADB);
        assertThat(config.kind(ServiceName.PAYMENTS)).isEqualTo(StoreKind.H2_FILE);
        assertThat(config.describeKinds()).isEqualTo("orders=postgres,customers=h2-file,depot=mariadb,payments=h2-file");
    }

    @Test
    void refusesWhatCannotBeHonestWithAClearMessage() {
        assertThatThrownBy(() -> StoreConfig.builder().stores("oracle").build())
                .hasMessage("unknown store 'oracle'; expected one of h2, h2-file, postgres, mariadb");
        assertThatThrownBy(() -> StoreConfig.builder().stores("orders=postgres,shipping=h2").build())
                .hasMessageContaining("unknown service 'shipping'");
        assertThatThrownBy(() -> StoreConfig.builder().durability(Durability.POWER).build())
                .hasMessageContaining("H2 cannot");
        assertThatThrownBy(() -> StoreConfig.builder().allServices(StoreKind.H2_MEM).durability(Durability.PROCESS).build())
                .hasMessageContaining("keeps nothing");
        assertThatThrownBy(() -> StoreConfig.builder().prefix("Bad-Prefix").build())
                .hasMessageContaining("invalid database prefix 'Bad-Prefix'");
    }
}
