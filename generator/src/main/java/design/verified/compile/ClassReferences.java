package design.verified.compile;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the constant pool of a class file and returns every string in it, which includes the internal
 * names and descriptors of all classes it refers to. Enough to find which snippet classes a program uses.
 */
final class ClassReferences {

    private ClassReferences() {
    }

    static Set<String> constantStrings(byte[] classFile) {
        Set<String> strings = new HashSet<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> strings.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // longs and doubles take two slots
                    }
                    default -> throw new IllegalStateException("unknown constant pool tag " + tag);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable class file", e);
        }
        return strings;
    }

    private static final java.util.regex.Pattern DESCRIPTOR_CLASS = java.util.regex.Pattern.compile("L([\\w/$]+);");

    /** Internal class names a constant names: itself (a class entry) or those inside a descriptor. */
    static Set<String> classNamesIn(String constant) {
        Set<String> names = new HashSet<>();
        names.add(constant);
        java.util.regex.Matcher m = DESCRIPTOR_CLASS.matcher(constant);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
