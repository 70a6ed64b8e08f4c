package be.edusprong.lms.domain.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where content files come from: the {@code content/} folder of the source tree (build-time
 * validation, with real file names in errors) or the classpath (start-up loading from the {@code
 * lms-content} jar, under {@code content/}).
 */
public interface ContentSource {
  /**
   * The text of a file, UTF-8.
   *
   * @param path relative to the content root, with '/' separators
   * @return empty when there is no such file
   */
  Optional<String> read(String path);

  /** A source reading the folder {@code root}. */
  static ContentSource directory(Path root) {
    return path -> {
      Path file = root.resolve(path).normalize();
      if (!file.startsWith(root.normalize())) {
        return Optional.empty();
      }
      try {
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** A source reading resources under {@code content/} with the given class loader. */
  static ContentSource classpath(ClassLoader loader) {
    return path -> {
      if (path.contains("..")) {
        return Optional.empty();
      }
      try (InputStream in = loader.getResourceAsStream("content/" + path)) {
        if (in == null) {
          return Optional.empty();
        }
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
