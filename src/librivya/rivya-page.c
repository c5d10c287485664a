/* rivya-page.c
 *
 * Copyright 2026 The Rivya Desktop authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * This library is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
 * Lesser General Public License for more details.
 *
 * You should have received a copy of the GNU Lesser General Public
 * License along with this library; if not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "rivya-page.h"

#include "rivya-page-private.h"

/**
 * RivyaPage:
 *
 * One page of a list route (B.5): its items, newest first, as a
 * #GListModel, and where the next page starts.
 *
 * To read the next page, call the same list function with
 * #RivyaPage:next-after as its `after` argument while
 * #RivyaPage:has-more is set.
 */

struct _RivyaPage
{
  GObject     parent_instance;

  GListStore *items;
  GType       item_type;
  char       *next_after;
  guint       has_more : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RivyaPage, rivya_page, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_HAS_MORE,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_NEXT_AFTER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
rivya_page_get_item_type (GListModel *model)
{
  return RIVYA_PAGE (model)->item_type;
}

static guint
rivya_page_get_n_items (GListModel *model)
{
  RivyaPage *self = RIVYA_PAGE (model);

  return self->items ? g_list_model_get_n_items (G_LIST_MODEL (self->items)) : 0;
}

static gpointer
rivya_page_get_item (GListModel *model,
                     guint       position)
{
  RivyaPage *self = RIVYA_PAGE (model);

  return self->items ? g_list_model_get_item (G_LIST_MODEL (self->items), position) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rivya_page_get_item_type;
  iface->get_n_items = rivya_page_get_n_items;
  iface->get_item = rivya_page_get_item;
}

static void
rivya_page_finalize (GObject *object)
{
  RivyaPage *self = (RivyaPage *)object;

  g_clear_object (&self->items);
  g_clear_pointer (&self->next_after, g_free);

  G_OBJECT_CLASS (rivya_page_parent_class)->finalize (object);
}

static void
rivya_page_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RivyaPage *self = RIVYA_PAGE (object);

  switch (prop_id)
    {
    case PROP_HAS_MORE:
      g_value_set_boolean (value, self->has_more);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, rivya_page_get_n_items (G_LIST_MODEL (self)));
      break;

    case PROP_NEXT_AFTER:
      g_value_set_string (value, self->next_after);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_page_class_init (RivyaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_page_finalize;
  object_class->get_property = rivya_page_get_property;

  /**
   * RivyaPage:has-more:
   *
   * Whether more items follow this page.
   */
  properties [PROP_HAS_MORE] =
    g_param_spec_boolean ("has-more", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaPage:item-type:
   *
   * The #GType of the items.
   */
  properties [PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaPage:n-items:
   *
   * The number of items of this page.
   */
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaPage:next-after:
   *
   * The id to pass as `after` to read the next page, or %NULL.
   */
  properties [PROP_NEXT_AFTER] =
    g_param_spec_string ("next-after", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_page_init (RivyaPage *self)
{
  self->item_type = G_TYPE_OBJECT;
}

RivyaPage *
_rivya_page_new_from_json (JsonObject           *object,
                           const char           *what,
                           GType                 item_type,
                           RivyaJsonObjectFunc   item_func,
                           GError              **error)
{
  g_autoptr(RivyaPage) self = g_object_new (RIVYA_TYPE_PAGE, NULL);
  gboolean has_more = FALSE;

  self->item_type = item_type;
  self->items = _rivya_json_get_list (object, what, "data", item_type, item_func, error);
  if (self->items == NULL ||
      !_rivya_json_get_boolean (object, what, "has_more", FALSE, &has_more, error) ||
      !_rivya_json_get_string (object, what, "next_after", FALSE, &self->next_after, error))
    return NULL;

  self->has_more = has_more;
  return g_steal_pointer (&self);
}

/**
 * rivya_page_get_has_more:
 * @self: a #RivyaPage
 *
 * Tells whether more items follow this page.
 *
 * Returns: %TRUE if there is a next page
 */
gboolean
rivya_page_get_has_more (RivyaPage *self)
{
  g_return_val_if_fail (RIVYA_IS_PAGE (self), FALSE);

  return self->has_more;
}

/**
 * rivya_page_get_next_after:
 * @self: a #RivyaPage
 *
 * Gives the cursor of the next page.
 *
 * Returns: (nullable): the id to pass as `after`, or %NULL
 */
const char *
rivya_page_get_next_after (RivyaPage *self)
{
  g_return_val_if_fail (RIVYA_IS_PAGE (self), NULL);

  return self->next_after;
}
