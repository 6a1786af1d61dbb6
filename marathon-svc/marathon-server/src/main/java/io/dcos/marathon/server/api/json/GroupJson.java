package io.dcos.marathon.server.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A group in Marathon's v2 JSON: apps and subgroups with ids relative to the group or absolute.
 * {@code scaleBy} and {@code version} alone are the scale and rollback forms of a group update.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupJson(
    String id,
    List<AppJson> apps,
    List<GroupJson> groups,
    List<String> dependencies,
    Boolean enforceRole,
    String version,
    Double scaleBy) {}
