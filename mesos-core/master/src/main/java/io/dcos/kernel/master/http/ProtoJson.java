package io.dcos.kernel.master.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;

/**
 * Renders wire messages (discovery, labels, container, leader info) as JSON trees with the proto
 * field names, which are Mesos's names. Fields left at their proto3 default are omitted, as Mesos
 * omits unset optional fields.
 */
public final class ProtoJson {
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ProtoJson() {}

  public static JsonNode of(MessageOrBuilder message) {
    try {
      return MAPPER.readTree(PRINTER.print(message));
    } catch (InvalidProtocolBufferException | JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot render " + message.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
