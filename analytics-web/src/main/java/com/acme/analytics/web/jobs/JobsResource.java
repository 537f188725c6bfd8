package com.acme.analytics.web.jobs;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.CurrentCaller;
import com.acme.analytics.access.Permission;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.ingest.jobs.JobStore;
import com.acme.analytics.ingest.jobs.JobView;
import com.acme.analytics.ingest.jobs.JobWorkers;
import com.acme.analytics.ingest.jobs.UploadTooLargeException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV analysis jobs of the caller's workspace: {@code POST /api/jobs} (the body is the file, {@code text/csv}, or
 * its {@code file} part, {@code multipart/form-data}),
 * {@code GET /api/jobs}, {@code GET /api/jobs/{id}}, {@code DELETE /api/jobs/{id}}. Another workspace's job id is
 * answered 404, like an id that names nothing.
 */
@Path("jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    static final int MAX_NAME = 200;
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    JobStore store;
    @Inject
    JobWorkers workers;
    @Inject
    CurrentCaller caller;
    @Inject
    @ConfigProperty(name = "analytics.jobs.max-upload-bytes")
    long maxUploadBytes;

    @POST
    @Consumes("text/csv")
    @Access(Permission.TRACK)
    public Response upload(InputStream body, @QueryParam("name") @DefaultValue("upload.csv") String name,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long contentLength)
            throws SQLException, IOException {
        checkName(name);
        if (contentLength > maxUploadBytes) {
            throw new UploadTooLargeException(maxUploadBytes); // refused before a byte is read
        }
        return queued(name, body);
    }

    /** The file as the {@code file} part of a form (a browser's upload); the part's file name is the default name. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Access(Permission.TRACK)
    public Response uploadForm(InputStream body, @QueryParam("name") String name,
                               @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                               @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long contentLength)
            throws SQLException, IOException {
        if (name != null) {
            checkName(name);
        }
        if (contentLength > maxUploadBytes + FormUpload.FORM_OVERHEAD) {
            throw new UploadTooLargeException(maxUploadBytes);
        }
        FormUpload form = FormUpload.of(body, contentType, contentLength, maxUploadBytes);
        String fileName = form.fileName();
        String jobName = name != null ? name
                : fileName != null && fileName.length() <= MAX_NAME ? fileName : "upload.csv";
        return queued(jobName, form.content());
    }

    private Response queued(String name, InputStream file) throws SQLException, IOException {
        JobView job = store.upload(caller.workspaceId(), name.strip(), file, maxUploadBytes);
        workers.wake();
        return Response.accepted(Map.of("job_id", job.id(), "status", job.status(), "stage", job.stage())).build();
    }

    private static void checkName(String name) {
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "must be 1 to " + MAX_NAME + " characters");
        }
    }

    @GET
    @Access(Permission.READ)
    public List<Map<String, Object>> list(@QueryParam("limit") @DefaultValue("100") int limit) throws SQLException {
        return store.list(caller.workspaceId(), Math.max(1, Math.min(500, limit))).stream()
                .map(JobsResource::view).toList();
    }

    @GET
    @Path("{id}")
    @Access(Permission.READ)
    public Map<String, Object> get(@PathParam("id") String id) throws SQLException {
        return view(job(id));
    }

    /** Cancels a queued or running job (202, then job_error "cancelled"); deletes a finished one (204). */
    @DELETE
    @Path("{id}")
    @Access(Permission.TRACK)
    public Response delete(@PathParam("id") String id) throws SQLException {
        String workspaceId = caller.workspaceId();
        JobView job = job(id);
        if (job.finished()) {
            store.deleteFinished(workspaceId, id);
            return Response.noContent().build();
        }
        if (!store.cancelWaiting(workspaceId, id)) {
            store.requestCancel(workspaceId, id);
            workers.cancelHere(id);
        }
        return Response.accepted(Map.of("job_id", id, "status", "cancelling")).build();
    }

    private JobView job(String id) throws SQLException {
        return store.find(caller.workspaceId(), id).orElseThrow(() -> new NotFoundException("No job " + id));
    }

    private static Map<String, Object> view(JobView j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_id", j.id());
        m.put("name", j.name());
        m.put("status", j.status());
        m.put("stage", j.stage());
        m.put("progress", j.progress());
        m.put("message", j.message());
        m.put("bytes", j.bytes());
        m.put("attempts", j.attempts());
        m.put("created_at", j.createdAt());
        m.put("started_at", j.startedAt());
        m.put("updated_at", j.updatedAt());
        m.put("finished_at", j.finishedAt());
        if (j.insightsJson() != null) {
            try (var reader = JSON.createReader(new StringReader(j.insightsJson()))) {
                m.put("insights", reader.readValue());
            }
        }
        return m;
    }
}
