package io.dcos.kernel.model;

import io.dcos.kernel.protocol.Attribute;
import io.dcos.kernel.protocol.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses agent attributes as Mesos takes them: {@code rack:r1;zone:us-east-1a;level:10}. Values
 * that are numbers become scalars, {@code [a-b]} ranges, anything else text.
 */
public final class AttributeText {
  private AttributeText() {}

  public static List<Attribute> parse(String text) {
    List<Attribute> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String raw : text.split(";")) {
      if (raw.isBlank()) {
        continue;
      }
      int colon = raw.indexOf(':');
      if (colon <= 0 || colon == raw.length() - 1) {
        throw new IllegalArgumentException(
            "attribute '" + raw.trim() + "' must look like name:value");
      }
      String name = raw.substring(0, colon).trim();
      String value = raw.substring(colon + 1).trim();
      Attribute.Builder a = Attribute.newBuilder().setName(name);
      if (value.startsWith("[")) {
        ValueRanges ranges = ResourceText.parseRanges(value);
        Value.Ranges.Builder rb = Value.Ranges.newBuilder();
        ranges
            .ranges()
            .forEach(
                r -> rb.addRange(Value.Range.newBuilder().setBegin(r.begin()).setEnd(r.end())));
        a.setType(Value.Type.RANGES).setRanges(rb);
      } else if (isNumber(value)) {
        a.setType(Value.Type.SCALAR)
            .setScalar(Value.Scalar.newBuilder().setValue(Double.parseDouble(value)));
      } else {
        a.setType(Value.Type.TEXT).setText(Value.Text.newBuilder().setValue(value));
      }
      out.add(a.build());
    }
    return out;
  }

  private static boolean isNumber(String value) {
    return value.matches("-?\\d+(\\.\\d+)?");
  }

  /** The attribute's value as text, the way constraints compare it. */
  public static String valueOf(Attribute a) {
    return switch (a.getType()) {
      case SCALAR -> {
        double v = a.getScalar().getValue();
        yield v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
      }
      case TEXT -> a.getText().getValue();
      case RANGES -> {
        List<String> parts = new ArrayList<>();
        a.getRanges().getRangeList().forEach(r -> parts.add(r.getBegin() + "-" + r.getEnd()));
        yield "[" + String.join(",", parts) + "]";
      }
      case SET -> "{" + String.join(",", a.getSet().getItemList()) + "}";
      default -> "";
    };
  }
}
