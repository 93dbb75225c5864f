package org.omnitill.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a JAX-RS resource method (or every method of a resource class) of the Omnitill application
 * behind a permission. A method of the application with neither this nor {@link Authenticated} is
 * refused to everybody: endpoints are closed unless they say otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RequiresPermission {

    Permission value();
}
