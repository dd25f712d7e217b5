app_name = "experts"

urlpatterns = []
