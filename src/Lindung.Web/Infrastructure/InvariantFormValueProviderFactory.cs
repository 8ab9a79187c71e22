using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lindung.Web.Infrastructure;

/// <summary>
/// Form values are bound with the invariant culture. Browsers submit <c>&lt;input type="number"&gt;</c> as
/// "63.4" whatever the page language; bound with id-ID, where "." groups thousands, "0.5" would silently become 5.
/// Amounts people type as text ("Rp 1.000.000") are parsed explicitly by the Indonesian parsers, never by binding.
/// </summary>
public sealed class InvariantFormValueProviderFactory : IValueProviderFactory
{
    public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        var request = context.ActionContext.HttpContext.Request;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            context.ValueProviders.Add(new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture));
        }
    }
}
