package com.acme.analytics.web.security;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every JAX-RS resource method of the application's modules declares an access rule. The access filter refuses an
 * endpoint without one at run time anyway; this names it at build time, so that nobody ships an endpoint that
 * answers 403 to everyone.
 */
class AccessRulesTest {

    private static final String ROOT = "com/acme/analytics/";

    @Test
    void everyResourceMethodDeclaresItsAccess() throws Exception {
        List<Class<?>> resources = resourceClasses();
        assertFalse(resources.isEmpty(), "no resource classes found on the class path");
        List<String> undeclared = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method m : resource.getMethods()) {
                boolean endpoint = Arrays.stream(m.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
                if (endpoint && AccessFilter.rule(m, resource) == null) {
                    undeclared.add(resource.getName() + "." + m.getName());
                }
            }
        }
        assertTrue(undeclared.isEmpty(), "Resource methods without @Access (see README, Security): " + undeclared);
    }

    /** Root resource classes of the application's main code: class directories and jars, not test classes. */
    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        List<String> names = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File f = new File(entry);
            if (!f.getPath().contains("analytics-") || f.getPath().contains("test-classes")) {
                continue;
            }
            if (f.isDirectory()) {
                try (Stream<java.nio.file.Path> files = Files.walk(f.toPath())) {
                    files.map(p -> f.toPath().relativize(p).toString().replace(File.separatorChar, '/'))
                            .filter(n -> n.startsWith(ROOT) && n.endsWith(".class")).forEach(names::add);
                }
            } else if (f.getName().endsWith(".jar")) {
                try (JarFile jar = new JarFile(f)) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(ROOT) && n.endsWith(".class"))
                            .forEach(names::add);
                }
            }
        }
        List<Class<?>> resources = new ArrayList<>();
        for (String name : names) {
            Class<?> c = Class.forName(name.replace('/', '.').substring(0, name.length() - ".class".length()), false,
                    AccessRulesTest.class.getClassLoader());
            if (c.isAnnotationPresent(Path.class)) {
                resources.add(c);
            }
        }
        return resources;
    }
}
