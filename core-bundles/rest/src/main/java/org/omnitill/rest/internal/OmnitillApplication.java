package org.omnitill.rest.internal;

import java.util.Map;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The JAX-RS application {@code /api/v1}. It holds no resources itself: the core's resources and any
 * plugin's select it by name ({@link #SELECT}) through the whiteboard, and so do the extensions.
 *
 * <p>The application requires its JSON provider, error mappers, authentication filter and header
 * filter ({@code osgi.jaxrs.extension.select}), so the whiteboard publishes it only once all of them
 * are there: no request is ever served unauthenticated or with CXF's default error bodies.
 */
@Component(service = Application.class)
@JaxrsApplicationBase(OmnitillApplication.BASE)
@JaxrsName(OmnitillApplication.NAME)
@JaxrsExtensionSelect({
        "(osgi.jaxrs.name=" + JsonProvider.NAME + ")",
        "(osgi.jaxrs.name=" + ThrowableMapper.NAME + ")",
        "(osgi.jaxrs.name=" + WebApplicationExceptionMapper.NAME + ")",
        "(osgi.jaxrs.name=" + AuthenticationFilter.NAME + ")",
        "(osgi.jaxrs.name=" + AuthorizationFilter.NAME + ")",
        "(osgi.jaxrs.name=" + SecurityHeadersFilter.NAME + ")" })
public class OmnitillApplication extends Application {

    public static final String NAME = "omnitill";
    public static final String BASE = "api/v1";
    /** The {@code osgi.jaxrs.application.select} filter of everything that belongs to this application. */
    public static final String SELECT = org.omnitill.api.plugin.PluginProperties.REST_APPLICATION_SELECT;

    /**
     * CXF consults its own WebApplicationException mapper before an application's
     * {@code ExceptionMapper<Throwable>}; this makes it the last resort, so our JSON errors win.
     */
    private static final Map<String, Object> PROPERTIES = Map.of("default.wae.mapper.least.specific", Boolean.TRUE);

    @Override
    public Map<String, Object> getProperties() {
        return PROPERTIES;
    }
}
