-- Recreates public.user_sessions exactly as ../shared/schema/user_sessions.md describes it.
-- Used only by the embedded demo database and by the tests, never against a configured server.
CREATE TABLE public.user_sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    session_token varchar(255) NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    is_active boolean DEFAULT true,
    device_id varchar(100),
    ip_address varchar(45),
    user_agent varchar(500),
    location varchar(100),
    trust_level integer DEFAULT 0,
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP,
    deleted_at timestamp with time zone,
    CONSTRAINT user_sessions_pkey PRIMARY KEY (id),
    CONSTRAINT user_sessions_session_token_key UNIQUE (session_token)
);
CREATE INDEX idx_user_sessions_token ON public.user_sessions USING btree (session_token);
CREATE INDEX idx_user_sessions_user_id ON public.user_sessions USING btree (user_id);
CREATE INDEX idx_user_sessions_expires_at ON public.user_sessions USING btree (expires_at);
CREATE INDEX idx_user_sessions_session_token ON public.user_sessions USING btree (session_token);
CREATE INDEX idx_user_sessions_user_active ON public.user_sessions USING btree (user_id, is_active) WHERE (is_active = true);
CREATE INDEX idx_user_sessions_device_user ON public.user_sessions USING btree (device_id, user_id);
CREATE INDEX idx_user_sessions_ip_created ON public.user_sessions USING btree (ip_address, created_at DESC);
CREATE INDEX idx_user_sessions_token_active ON public.user_sessions USING btree (session_token) WHERE (is_active = true);
CREATE INDEX idx_user_sessions_user_device_active ON public.user_sessions USING btree (user_id, device_id, is_active);
