package io.dcos.kernel.sdk.discovery;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.dcos.kernel.protocol.MasterInfo;
import java.nio.charset.StandardCharsets;

/**
 * The JSON form of {@link MasterInfo} stored in {@code json.info_} znodes, with Mesos's field names
 * ({@code address.ip}, {@code hostname}, {@code port}...), so Mesos tools can read it.
 */
public final class MasterInfoCodec {
  /** Name prefix of the ephemeral sequential znodes that masters create, as in Mesos. */
  public static final String ZNODE_PREFIX = "json.info_";

  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  private MasterInfoCodec() {}

  public static byte[] encode(MasterInfo info) {
    try {
      return PRINTER.print(info).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("MasterInfo cannot be printed as JSON", e);
    }
  }

  public static MasterInfo decode(byte[] json) throws InvalidProtocolBufferException {
    MasterInfo.Builder b = MasterInfo.newBuilder();
    PARSER.merge(new String(json, StandardCharsets.UTF_8), b);
    return b.build();
  }

  /** The sequence number of a master znode name, or -1 when the name is not a master's. */
  public static long sequenceOf(String znodeName) {
    if (!znodeName.startsWith(ZNODE_PREFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(znodeName.substring(ZNODE_PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
