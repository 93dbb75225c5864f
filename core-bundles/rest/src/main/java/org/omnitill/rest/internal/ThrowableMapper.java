package org.omnitill.rest.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** Every failure of the API as {@code {"error":"…","message":"…"}}; the rules are {@link ErrorMapping}'s. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(ThrowableMapper.NAME)
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
public class ThrowableMapper implements ExceptionMapper<Throwable> {

    public static final String NAME = "omnitill.errors";

    private final ObjectMapper json = OmnitillJson.newMapper();

    @Override
    public Response toResponse(Throwable exception) {
        return ErrorMapping.toResponse(ErrorMapping.map(exception), json);
    }
}
