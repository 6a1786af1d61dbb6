package io.dcos.kernel.master.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.dcos.kernel.master.allocation.Quota;
import io.dcos.kernel.master.core.ClusterView;
import io.dcos.kernel.master.core.QuotaRequest;
import io.dcos.kernel.master.core.RoleWeight;
import io.dcos.kernel.model.ResourceKey;
import io.dcos.kernel.model.Resources;
import io.dcos.kernel.protocol.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mesos's JSON for {@code /weights} and {@code /quota}: the request bodies in, the current settings
 * out. Weights are {@code [{"role": "r", "weight": 2.0}]}; a quota request is {@code {"role": "r",
 * "guarantee": [resource...], "limit": [resource...], "force": false}}; the quota status carries
 * both Mesos's {@code infos} (resource lists) and {@code configs} (scalars by name).
 */
public final class RoleSettingsJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFormat.Parser RESOURCE = JsonFormat.parser().ignoringUnknownFields();

  private RoleSettingsJson() {}

  /** GET /weights: the roles with a weight set, by name. Must be used inside Master.query. */
  public static ArrayNode weights(ClusterView view) {
    ArrayNode out = JSON.arrayNode();
    new TreeMap<>(view.weights())
        .forEach((role, weight) -> out.addObject().put("role", role).put("weight", weight));
    return out;
  }

  /** GET /quota: the roles with a quota, by name. Must be used inside Master.query. */
  public static ObjectNode quotas(ClusterView view) {
    ObjectNode out = JSON.objectNode();
    ArrayNode infos = out.putArray("infos");
    ArrayNode configs = out.putArray("configs");
    new TreeMap<>(view.quotas())
        .forEach(
            (role, quota) -> {
              ObjectNode info = infos.addObject().put("role", role);
              info.set("guarantee", resourceList(quota.guarantee()));
              if (!quota.limit().isEmpty()) {
                info.set("limit", resourceList(quota.limit()));
              }
              ObjectNode config = configs.addObject().put("role", role);
              config.set("guarantees", scalarMap(quota.guarantee(), true));
              config.set("limits", scalarMap(quota.limit(), true));
            });
    return out;
  }

  /** A role's quota as {@code /master/roles} shows it: guarantee and limit by resource name. */
  public static ObjectNode roleQuota(String role, Quota quota) {
    ObjectNode out = JSON.objectNode().put("role", role);
    out.set("guarantee", scalarMap(quota.guarantee(), false));
    out.set("limit", scalarMap(quota.limit(), false));
    return out;
  }

  /** Parses the body of PUT /weights. */
  public static List<RoleWeight> parseWeights(String body) {
    JsonNode root = parse(body);
    if (!root.isArray()) {
      throw new InvalidRequestException(
          "weights must be a JSON array of {\"role\": ..., \"weight\": ...}");
    }
    List<RoleWeight> weights = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode w = root.get(i);
      JsonNode role = w.path("role");
      JsonNode weight = w.path("weight");
      if (!role.isTextual()) {
        throw new InvalidRequestException("weights[" + i + "] needs a \"role\" string");
      }
      if (!weight.isNumber()) {
        throw new InvalidRequestException("weights[" + i + "] needs a \"weight\" number");
      }
      weights.add(new RoleWeight(role.asText(), weight.asDouble()));
    }
    return weights;
  }

  /** Parses the body of POST /quota. */
  public static QuotaRequest parseQuota(String body) {
    JsonNode root = parse(body);
    if (!root.isObject()) {
      throw new InvalidRequestException(
          "a quota request must be a JSON object with \"role\" and \"guarantee\"");
    }
    JsonNode role = root.path("role");
    if (!role.isTextual()) {
      throw new InvalidRequestException("a quota request needs a \"role\" string");
    }
    JsonNode force = root.path("force");
    if (!force.isMissingNode() && !force.isBoolean()) {
      throw new InvalidRequestException("\"force\" must be true or false");
    }
    return new QuotaRequest(
        role.asText(),
        resources(root, "guarantee"),
        resources(root, "limit"),
        force.asBoolean(false));
  }

  private static List<Resource> resources(JsonNode root, String field) {
    JsonNode list = root.path(field);
    if (list.isMissingNode() || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new InvalidRequestException("\"" + field + "\" must be an array of resources");
    }
    List<Resource> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Resource.Builder r = Resource.newBuilder();
      try {
        RESOURCE.merge(list.get(i).toString(), r);
      } catch (InvalidProtocolBufferException e) {
        throw new InvalidRequestException(
            field + "[" + i + "] is not a resource: " + oneLine(e.getMessage()));
      }
      out.add(r.build());
    }
    return out;
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidRequestException("the request needs a JSON body");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(
          "the body is not valid JSON: " + oneLine(e.getOriginalMessage()));
    }
  }

  private static ArrayNode resourceList(Resources resources) {
    ArrayNode out = JSON.arrayNode();
    for (ResourceKey k : resources.scalarKeys()) {
      ObjectNode r = out.addObject().put("name", k.name()).put("type", "SCALAR");
      r.putObject("scalar").put("value", resources.scalar(k));
    }
    return out;
  }

  /** Scalars by name: {@code {"cpus": {"value": 2.0}}} when wrapped, else {@code {"cpus": 2.0}}. */
  private static ObjectNode scalarMap(Resources resources, boolean wrapped) {
    ObjectNode out = JSON.objectNode();
    Map<String, Double> byName = new TreeMap<>();
    for (ResourceKey k : resources.scalarKeys()) {
      byName.merge(k.name(), resources.scalar(k), Double::sum);
    }
    byName.forEach(
        (name, value) -> {
          if (wrapped) {
            out.putObject(name).put("value", value);
          } else {
            out.put(name, value);
          }
        });
    return out;
  }

  private static String oneLine(String message) {
    return String.valueOf(message).replaceAll("\\s+", " ").trim();
  }
}
