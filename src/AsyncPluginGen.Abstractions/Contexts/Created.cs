namespace AsyncPluginGen;

/// <summary>
/// What Create returns: the ResourceMeta that identifies the remote job, and optionally the resource itself
/// when the service already knows the outcome (the host then calls Status at once instead of waiting for a poll).
/// </summary>
/// <typeparam name="TMeta">The plugin's ResourceMeta type.</typeparam>
/// <typeparam name="TResource">The plugin's Resource type.</typeparam>
public readonly struct Created<TMeta, TResource>
{
    /// <summary>A result with only the meta: the host polls Get for the resource.</summary>
    /// <param name="meta">Identifies the remote job.</param>
    public Created(TMeta meta)
    {
        Meta = meta;
        Resource = default;
        HasResource = false;
    }

    /// <summary>A result with the meta and the resource.</summary>
    /// <param name="meta">Identifies the remote job.</param>
    /// <param name="resource">The job's state as returned by the service.</param>
    public Created(TMeta meta, TResource resource)
    {
        Meta = meta;
        Resource = resource;
        HasResource = true;
    }

    /// <summary>Identifies the remote job; kept by the host for Get and Delete.</summary>
    public TMeta Meta { get; }

    /// <summary>The resource, when <see cref="HasResource"/> is true.</summary>
    public TResource? Resource { get; }

    /// <summary>Whether Create returned the resource too.</summary>
    public bool HasResource { get; }

    /// <summary>Lets a Create handler return just the meta.</summary>
    /// <param name="meta">Identifies the remote job.</param>
    public static implicit operator Created<TMeta, TResource>(TMeta meta) => new(meta);
}
