package com.acme.analytics.ingest.sync.integrations;

import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.domain.outbound.OutboundHosts;
import com.acme.analytics.ingest.sync.connectors.CustomConnector;
import com.acme.analytics.ingest.sync.connectors.MixpanelConnector;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntegrationRulesTest {

    private static final JsonProvider JSON = JsonProvider.provider();
    private final IntegrationRules rules = new IntegrationRules(Map.of("mixpanel", new MixpanelConnector(),
            "custom", new CustomConnector()), OutboundHosts.parse("127.0.0.1"));

    private static JsonObject json(String text) {
        return JSON.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private static final String MIXPANEL = "'provider':'mixpanel','name':'mp','config':{'projectId':42,"
            + "'events':['Sign Up'],'apiBaseUrl':'http://127.0.0.1:9/','exportBaseUrl':'http://127.0.0.1:9'},"
            + "'credentials':{'username':'sa','secret':'s3cret'}";

    private Map<String, String> refusal(String body) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> rules.read(json(body), null));
        return e.violations().stream().collect(Collectors.toMap(FieldViolation::field, FieldViolation::message));
    }

    @Test
    void acceptsAValidMixpanelIntegrationWithEitherFrequencySpelling() {
        var r = rules.read(json("{" + MIXPANEL + ",'sync_frequency':'2m','transformations':{'rate':"
                + "'percentage(a/b)'},'filters':{'metrics':['Sign Up']}}"), null);
        assertEquals(Duration.ofMinutes(2), r.frequency().every());
        assertEquals("mp", r.name());
        assertEquals("s3cret", r.credentials().getString("secret"));
    }

    @Test
    void refusesAFrequencyBelowTheQuotaAndSaysWhy() {
        String message = refusal("{" + MIXPANEL + ",'syncFrequency':'30s'}").get("syncFrequency");
        assertTrue(message.contains("at least 2m"), message);
        assertTrue(message.contains("60 queries an hour"), message);
    }

    @Test
    void namesEachBadFieldAtOnce() {
        Map<String, String> wrong = refusal("{'provider':'hubspot','name':'x','config':{},'credentials':{},"
                + "'syncFrequency':'5x','transformations':{'a':'median(5m)','b':'percentage(a)'}}");
        assertTrue(wrong.get("provider").contains("unknown provider 'hubspot'"), wrong.toString());
        assertTrue(wrong.get("syncFrequency").contains("<n>s"), wrong.toString());
        assertTrue(wrong.get("transformations.a").contains("unknown function"), wrong.toString());
        assertTrue(wrong.get("transformations.b").contains("malformed expression"), wrong.toString());
    }

    @Test
    void refusesAConfigMissingWhatTheProviderNeeds() {
        Map<String, String> wrong = refusal("{'provider':'mixpanel','name':'x','config':{},'credentials':{},"
                + "'syncFrequency':'1h'}");
        assertTrue(wrong.get("config.projectId").contains("required"), wrong.toString());
        assertTrue(wrong.get("credentials.username").contains("required"), wrong.toString());
        assertTrue(wrong.get("credentials.secret").contains("required"), wrong.toString());
    }

    @Test
    void refusesAHostTheOutboundRuleDoesNotAllow() {
        Map<String, String> wrong = refusal("{'provider':'custom','name':'x','config':{'url':"
                + "'http://10.0.0.5/stats','metrics':{'total':'/total'}},'credentials':{},'syncFrequency':'1m'}");
        assertTrue(wrong.get("config.url").contains("internal address"), wrong.toString());
    }

    @Test
    void refusesABadPointer() {
        Map<String, String> wrong = refusal("{'provider':'custom','name':'x','config':{'url':"
                + "'http://127.0.0.1/stats','metrics':{'total':'stats'}},'credentials':{},'syncFrequency':'1m'}");
        assertTrue(wrong.get("config.metrics.total").contains("JSON Pointer"), wrong.toString());
    }
}
