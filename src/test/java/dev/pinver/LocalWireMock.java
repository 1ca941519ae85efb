package dev.pinver;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** The WireMock server tests stand in for unreachable servers with: on 127.0.0.1 only, a free port, strict. */
public final class LocalWireMock {

    private LocalWireMock() {
    }

    /** For a {@code @RegisterExtension} field; a request no stub matches fails the test. */
    public static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .failOnUnmatchedRequests(true)
                .build();
    }
}
