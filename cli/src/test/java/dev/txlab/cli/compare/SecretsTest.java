package dev.txlab.cli.compare;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {
    @Test
    void passwordFlagsAndPasswordsInUrlsAreMasked() {
        List<String> masked = Secrets.maskArgs(List.of("txlab", "compare", "--postgres-password", "s3cret",
                "--mariadb-password=hunter2", "--postgres-url", "jdbc:postgresql://bob:pw@127.0.0.1:5432/",
                "--mariadb-url", "jdbc:mariadb://127.0.0.1:3306/?user=root&password=pw2&ssl=false"));

        assertThat(String.join(" ", masked)).doesNotContain("s3cret", "hunter2", ":pw@", "pw2")
                .contains("--postgres-password ****", "--mariadb-password=****",
                        "jdbc:postgresql://bob:****@127.0.0.1:5432/", "password=****&ssl=false");
    }

    @Test
    void urlsWithoutCredentialsStayAsTheyAre() {
        assertThat(Secrets.maskUrl("jdbc:postgresql://127.0.0.1:5432/")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/");
    }
}
