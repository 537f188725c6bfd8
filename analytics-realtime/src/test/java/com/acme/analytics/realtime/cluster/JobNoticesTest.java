package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.database.DatabaseSettings;
import com.acme.analytics.domain.database.DirectConnections;
import com.acme.analytics.domain.jobs.JobProgress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JobNoticesTest {

    private static final DirectConnections NOWHERE =
            new DirectConnections(new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none", "u", "p"));

    @Test
    void readsAnotherInstancesNoticeAndSkipsItsOwnAndForeignText() {
        JobNotices here = new JobNotices(new NoticeSender(NOWHERE, "test"), "here");
        String theirs = "{\"n\":\"there\",\"w\":\"ws1\",\"j\":\"job-1\",\"k\":\"UPDATE\",\"s\":\"profiling\","
                + "\"p\":42,\"m\":\"Profiling...\",\"t\":1700000000123}";
        JobProgress p = here.heard(theirs);
        assertEquals("ws1", p.workspaceId());
        assertEquals("job-1", p.jobId());
        assertEquals(JobProgress.Kind.UPDATE, p.kind());
        assertEquals(42, p.progress());
        assertEquals(1700000000L, p.at().getEpochSecond());
        assertNull(p.insightsJson());
        assertNull(here.heard(theirs.replace("\"there\"", "\"here\"")), "its own");
        assertNull(here.heard("{\"n\":\"there\",\"k\":\"DANCE\"}"));
        assertNull(here.heard("not json"));
    }
}
